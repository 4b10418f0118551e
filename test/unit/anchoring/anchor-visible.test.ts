// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorSelectors, indexText } from '../../../src/capture/anchoring/index.ts';
import { selectorsAt } from '../../fixtures/anchoring/selectors.ts';
import { loadPage } from './page.ts';

const QUOTE = 'the lender declined applicants who skipped an optional question at four times the usual rate';

/** A news page that also carries a JSON copy of its own text, as many frameworks do for hydration. */
function pageWithJsonCopy(visibleQuote: string): string {
  const json = JSON.stringify({ article: { body: `Last week ${QUOTE}, an audit found, and the bank apologised.` } });
  return `<article><h1>Audit</h1><p>Last week ${visibleQuote}, an audit found, and the bank apologised.</p></article>
<script type="application/json">${json}</script><style>p::after { content: "${QUOTE}"; }</style>
<noscript>${QUOTE}</noscript>`;
}

describe('anchoring over the text a reader can see', () => {
  it('anchors an edited quote where the reader sees it, not on the exact copy inside a script', () => {
    const original = loadPage(pageWithJsonCopy(QUOTE));
    const text = indexText(original).text;
    const start = text.indexOf(QUOTE);
    const selectors = selectorsAt(text, start, start + QUOTE.length);

    const edited = loadPage(pageWithJsonCopy(QUOTE.replace('four times', 'nearly four times')));
    const anchor = anchorSelectors(edited, selectors);
    expect(anchor?.range.startContainer.parentElement?.tagName).toBe('P');
    expect(anchor?.range.toString()).toBe(QUOTE.replace('four times', 'nearly four times'));
  });

  it('never takes an exact match in script, style or noscript text, even without a position', () => {
    const body = loadPage(`<script>var s = "${QUOTE}";</script><p>Nothing about it here.</p><noscript>${QUOTE}</noscript>`);
    const anchor = anchorSelectors(body, { quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' } });
    expect(anchor).toBeNull();
  });

  it('keeps offsets over body.textContent, script text included, so selectors stay W3C-compatible', () => {
    const body = loadPage(`<script>var x = 1;</script><p>${QUOTE}</p>`);
    const index = indexText(body);
    expect(index.text).toBe(body.textContent);
    const start = index.text.indexOf(QUOTE);
    const anchor = anchorSelectors(body, selectorsAt(index.text, start, start + QUOTE.length));
    expect(anchor).toMatchObject({ start, end: start + QUOTE.length, method: 'position' });
  });
});
