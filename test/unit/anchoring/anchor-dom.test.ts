// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/capture/describe.ts';
import { anchorSelectors, indexText, rangeFromOffsets } from '../../../src/capture/anchoring/index.ts';
import { loadPage, rangeOver } from './page.ts';

const ARTICLE = `
  <header><nav>Home · Incidents · About</nav></header>
  <article>
    <h1>Ranking model outage: what happened</h1>
    <p>On <time>12 May</time> the <a href="#">ranking model</a> began returning <em>empty</em> result lists for
       roughly <strong>18%</strong> of queries.</p>
    <p>We rolled back the model at 10:02 UTC.<span></span> Results recovered within <b>six</b> minutes.</p>
    <!-- editor's comment: not page text -->
    <ul><li>Detection: 14 minutes</li><li>Mitigation: 48 minutes</li></ul>
  </article>`;

function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

describe('describeRange → anchorSelectors round trip', () => {
  it('re-finds any non-blank selection at the same offsets by position', () => {
    const body = loadPage(ARTICLE);
    const nodes = textNodes(body);
    const point = fc.integer({ min: 0, max: nodes.length - 1 }).chain((i) =>
      fc.tuple(fc.constant(i), fc.integer({ min: 0, max: nodes[i]!.data.length })),
    );
    fc.assert(
      fc.property(point, point, ([i, a], [j, b]) => {
        const [first, second] = i < j || (i === j && a <= b) ? [[i, a], [j, b]] : [[j, b], [i, a]];
        const range = rangeOver(nodes[first[0]!]!, first[1]!, nodes[second[0]!]!, second[1]!);
        fc.pre(range.toString().trim() !== '');
        const selectors = describeRange(body, range);
        const anchor = anchorSelectors(body, selectors);
        expect(anchor).toMatchObject({ start: selectors.position.start, end: selectors.position.end, method: 'position' });
        expect(anchor!.range.toString()).toBe(range.toString().trim());
      }),
      { numRuns: 300 },
    );
  });

  it('paints a quote spanning several elements after the page around it changed', () => {
    const body = loadPage(ARTICLE);
    const [first] = body.querySelectorAll('p');
    const range = document.createRange();
    range.setStart(first!.querySelector('a')!.firstChild!, 0);
    range.setEnd(first!.querySelector('strong')!.firstChild!, 3);
    const selectors = describeRange(body, range);
    expect(selectors.quote.exact).toMatch(/^ranking model began returning empty result lists for\s+roughly 18%$/);

    const edited = loadPage(ARTICLE.replace('<h1>', '<p>Breaking: updated 13 May.</p><h1>'));
    const anchor = anchorSelectors(edited, selectors);
    expect(anchor?.method).toBe('quote');
    expect(anchor!.range.toString()).toBe(selectors.quote.exact);
    expect(anchor!.range.startContainer).toBe(edited.querySelector('a')!.firstChild);
  });

  it('returns null when the quote is gone from the page', () => {
    const body = loadPage(ARTICLE);
    const li = body.querySelector('li')!.firstChild as Text;
    const selectors = describeRange(body, rangeOver(li, 0, li, li.data.length));
    const edited = loadPage(ARTICLE.replace('<li>Detection: 14 minutes</li>', ''));
    expect(anchorSelectors(edited, selectors)).toBeNull();
  });
});

describe('rangeFromOffsets', () => {
  it('maps offsets of body.textContent back to the text nodes holding them', () => {
    const body = loadPage(ARTICLE);
    const text = body.textContent!;
    const index = indexText(body);
    expect(index.text).toBe(text);
    for (const word of ['Ranking model outage', 'six', 'Mitigation: 48', '10:02 UTC. Results']) {
      const start = text.indexOf(word);
      expect(rangeFromOffsets(body, start, start + word.length, index).toString()).toBe(word);
    }
  });

  it('puts an end offset at a node boundary in the node before it, not the next one', () => {
    const body = loadPage('<p><b>bold</b><i>italic</i></p>');
    const range = rangeFromOffsets(body, 0, 4);
    expect(range.endContainer).toBe(body.querySelector('b')!.firstChild);
    expect(rangeFromOffsets(body, 4, 10).startContainer).toBe(body.querySelector('i')!.firstChild);
  });

  it('rejects offsets outside the text', () => {
    const body = loadPage('<p>short</p>');
    expect(() => rangeFromOffsets(body, 2, 99)).toThrow(RangeError);
    expect(() => rangeFromOffsets(body, 3, 2)).toThrow(RangeError);
  });
});
