// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../src/capture/describe.ts';
import { loadPage as page, rangeOver } from './page.ts';

const LONG_BEFORE = 'The outage began at 09:14 UTC when the ranking model started returning empty results. ';
const LONG_AFTER = ' Engineers rolled back the deployment within forty minutes and published a report.';

describe('describeRange', () => {
  it('gives the quote, its offsets in body.textContent and 32+ characters of context', () => {
    const body = page(`<p>${LONG_BEFORE}<b>The model misclassified invoices</b>${LONG_AFTER}</p>`);
    const bold = body.querySelector('b')!.firstChild!;
    const selectors = describeRange(body, rangeOver(bold, 4, bold, 9));
    const text = body.textContent!;
    expect(selectors.quote.exact).toBe('model');
    expect(text.slice(selectors.position.start, selectors.position.end)).toBe('model');
    expect(selectors.quote.prefix.length).toBeGreaterThanOrEqual(32);
    expect(selectors.quote.suffix.length).toBeGreaterThanOrEqual(32);
    expect(text.slice(0, selectors.position.start).endsWith(selectors.quote.prefix)).toBe(true);
    expect(text.slice(selectors.position.end).startsWith(selectors.quote.suffix)).toBe(true);
  });

  it('takes shorter context only at the edges of the text', () => {
    const body = page('<p>Short page.</p>');
    const textNode = body.querySelector('p')!.firstChild!;
    const selectors = describeRange(body, rangeOver(textNode, 0, textNode, 5));
    expect(selectors.quote).toMatchObject({ exact: 'Short', prefix: '', suffix: ' page.' });
  });

  it('reaches past markup indentation so the context holds real words', () => {
    const body = page(`<p>${LONG_BEFORE}</p>\n${' '.repeat(40)}\n<p>Quoted words here</p>\n${' '.repeat(40)}\n<p>${LONG_AFTER}</p>`);
    const textNode = body.querySelectorAll('p')[1]!.firstChild!;
    const { quote } = describeRange(body, rangeOver(textNode, 0, textNode, 6));
    expect(quote.exact).toBe('Quoted');
    expect(quote.prefix).toContain('empty results');
    expect(quote.suffix).toContain('words here');
  });

  it('handles a range spanning elements, with element boundary points, and trims outer whitespace', () => {
    const body = page('<p>First paragraph text.</p>\n  <p>Second <em>one</em> here.</p>');
    const [first, second] = body.querySelectorAll('p');
    // Start at the element boundary just before the first paragraph's text node, end after <em>.
    const range = rangeOver(first!, 0, second!, 2);
    const selectors = describeRange(body, range);
    expect(selectors.quote.exact).toBe('First paragraph text.\n  Second one');
    expect(body.textContent!.slice(selectors.position.start, selectors.position.end)).toBe(selectors.quote.exact);
  });

  it('throws a clear error for a collapsed range', () => {
    const body = page('<p>Some text.</p>');
    const range = rangeOver(body.firstChild!.firstChild!, 2, body.firstChild!.firstChild!, 2);
    expect(() => describeRange(body, range)).toThrow(/collapsed/);
  });

  it('throws for a range outside root and for whitespace-only ranges', () => {
    const body = page('<header><p>Outside</p></header><main><p>Inside  text</p></main>');
    const main = body.querySelector('main')!;
    const outside = body.querySelector('header p')!.firstChild!;
    expect(() => describeRange(main, rangeOver(outside, 0, outside, 3))).toThrow(/not inside/);
    const inside = main.querySelector('p')!.firstChild!;
    expect(() => describeRange(main, rangeOver(inside, 6, inside, 8))).toThrow(/no text/);
  });
});
