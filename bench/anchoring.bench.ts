/**
 * Re-anchoring cost on a 1 MB page: 200 quotes found exactly after the page shifted,
 * and quotes edited around and inside (fuzzy). String level, plus a DOM-level pass.
 */
import { Window } from 'happy-dom';
import { anchorSelectors, anchorText, indexText, type Anchor, type AnchorSelectors } from '../src/capture/anchoring/index.ts';
import { generateProse, seededRandom } from '../test/fixtures/anchoring/prose.ts';
import { compared, median, round, type Figures } from './types.ts';
import { selectorsAt } from '../test/fixtures/anchoring/selectors.ts';

const PAGE_CHARS = 1_000_000;
const QUOTES = 200;
const FUZZY_QUOTES = 60;
const REPEATS = 5;


/** Word-aligned quotes of 30 to 300 characters at random places, in page order. */
function pickQuotes(text: string, count: number, random: () => number): AnchorSelectors[] {
  const starts = Array.from({ length: count }, () => Math.floor(random() * (text.length - 400))).sort((a, b) => a - b);
  return starts.map((at) => {
    const start = text.indexOf(' ', at) + 1;
    const end = text.indexOf(' ', start + 30 + Math.floor(random() * 270));
    return selectorsAt(text, start, end);
  });
}

/** Inserts a word just before each quote, replaces a word inside it and drops one from its suffix. */
function editAroundAndInside(text: string, quotes: AnchorSelectors[]): string {
  let edited = text;
  for (const { position } of [...quotes].reverse()) {
    const { start, end } = position!;
    const inside = edited.indexOf(' ', start + Math.floor((end - start) / 2));
    const insideEnd = edited.indexOf(' ', inside + 1);
    const suffixWord = edited.indexOf(' ', end + 1);
    const suffixWordEnd = edited.indexOf(' ', suffixWord + 1);
    edited =
      `${edited.slice(0, start)}reportedly ${edited.slice(start, inside)} revised${edited.slice(insideEnd, end)}` +
      `${edited.slice(end, suffixWord)}${edited.slice(suffixWordEnd)}`;
  }
  return edited;
}

function timeEach<T>(items: T[], run: (item: T) => unknown): { times: number[]; results: unknown[] } {
  const times: number[] = [];
  const results: unknown[] = [];
  for (const item of items) {
    const began = performance.now();
    results.push(run(item));
    times.push(performance.now() - began);
  }
  return { times, results };
}

function domPage(text: string): HTMLElement {
  const window = new Window();
  const document = window.document as unknown as Document;
  for (const paragraph of text.split('\n\n')) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    document.body.append(p, document.createTextNode('\n\n'));
  }
  document.body.lastChild?.remove();
  return document.body;
}

export async function run(): Promise<Figures> {
  const random = seededRandom(2024);
  const text = generateProse(PAGE_CHARS, 42);
  const quotes = pickQuotes(text, QUOTES, random);
  const preface = 'Update: this report was revised after publication.\n\n';
  const shifted = `${preface}${text}`;

  const exactTotals: number[] = [];
  let exactFound = 0;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const { times, results } = timeEach(quotes, (selectors) => anchorText(shifted, selectors));
    exactTotals.push(times.reduce((sum, ms) => sum + ms, 0));
    exactFound = results.filter((anchor, i) => (anchor as Anchor | null)?.start === quotes[i]!.position!.start + preface.length).length;
  }

  // Without the position hint (or with its context edited) every quote is looked for in the whole page.
  const unhinted = quotes.map(({ quote }) => ({ quote }));
  const wholePageTotals = Array.from({ length: REPEATS }, () =>
    timeEach(unhinted, (selectors) => anchorText(shifted, selectors)).times.reduce((sum, ms) => sum + ms, 0),
  );

  const fuzzyQuotes = pickQuotes(text, FUZZY_QUOTES, random);
  const edited = editAroundAndInside(text, fuzzyQuotes);
  const fuzzy = timeEach(fuzzyQuotes, (selectors) => anchorText(edited, selectors));
  // Each edited quote now holds the replacement word "revised".
  const fuzzyFound = fuzzy.results.filter((anchor) => {
    const found = anchor as Anchor | null;
    return found?.method === 'fuzzy' && edited.slice(found.start, found.end).includes(' revised');
  }).length;
  const slowFuzzy = fuzzy.times.filter((ms) => ms > 5).length;

  // All 200 quotes edited around and inside: positions drift by up to a few thousand characters.
  const editedAll = editAroundAndInside(text, quotes);
  const editedRuns = Array.from({ length: REPEATS }, () => timeEach(quotes, (selectors) => anchorText(editedAll, selectors)));
  const editedTotals = editedRuns.map(({ times }) => times.reduce((sum, ms) => sum + ms, 0));
  const editedFound = editedRuns[0]!.results.filter((anchor) => {
    const found = anchor as Anchor | null;
    return found !== null && editedAll.slice(found.start, found.end).includes(' revised');
  }).length;
  const editedWholeScans = editedRuns[0]!.times.filter((ms) => ms > 5).length;
  // Baselines: one indexOf scan of the same text per quote, what any search must at least read.
  const scanOf = (page: string, selectors: AnchorSelectors[]) => timeEach(selectors, ({ quote }) => page.indexOf(quote.exact)).times;
  const scanTotals = Array.from({ length: REPEATS }, () => scanOf(editedAll, quotes).reduce((sum, ms) => sum + ms, 0));
  const exactScanTotals = Array.from({ length: REPEATS }, () => scanOf(shifted, quotes).reduce((sum, ms) => sum + ms, 0));
  const fuzzyScans = scanOf(edited, fuzzyQuotes);

  const body = domPage(shifted);
  const readBegan = performance.now();
  void body.textContent;
  const readMs = performance.now() - readBegan;
  const indexBegan = performance.now();
  const index = indexText(body);
  const indexMs = performance.now() - indexBegan;
  const dom = timeEach(quotes, (selectors) => anchorSelectors(body, selectors, index));
  const domFound = dom.results.filter((anchor, i) => (anchor as { range?: Range } | null)?.range?.toString() === quotes[i]!.quote.exact).length;

  const pageScans = { value: round(median(exactScanTotals)), what: `${QUOTES} indexOf scans of the same page` };
  const oneScan = { value: round(median(fuzzyScans), 3), what: 'one indexOf scan of the same edited page' };
  return {
    'anchor.1mb.200quotes.total_ms': compared(round(median(exactTotals)), 'ms', pageScans, '≤ 50 ms'),
    'anchor.1mb.200quotes.found': { value: exactFound, unit: `of ${QUOTES}` },
    'anchor.1mb.200quotes.no_position_total_ms': compared(round(median(wholePageTotals)), 'ms', pageScans),
    'anchor.1mb.fuzzy.median_ms': compared(round(median(fuzzy.times), 3), 'ms', oneScan, '≤ 5 ms'),
    'anchor.1mb.fuzzy.max_ms': compared(round(Math.max(...fuzzy.times)), 'ms', oneScan),
    'anchor.1mb.fuzzy.found': { value: fuzzyFound, unit: `of ${FUZZY_QUOTES}` },
    'anchor.1mb.fuzzy.over_5ms': { value: slowFuzzy, unit: `of ${FUZZY_QUOTES} (whole-page scan)` },
    'anchor.1mb.200quotes_edited.total_ms': compared(round(median(editedTotals)), 'ms', { value: round(median(scanTotals)), what: `${QUOTES} indexOf scans of the same edited page` }, '≤ 200 ms'),
    'anchor.1mb.200quotes_edited.found': { value: editedFound, unit: `of ${QUOTES}` },
    'anchor.1mb.200quotes_edited.over_5ms': { value: editedWholeScans, unit: `of ${QUOTES} (whole-page scan)` },
    'anchor.1mb.dom.index_ms': compared(round(indexMs), 'ms (happy-dom)', { value: round(readMs, 3), what: 'reading body.textContent of the same DOM' }),
    'anchor.1mb.200quotes.dom_total_ms': compared(round(dom.times.reduce((sum, ms) => sum + ms, 0)), 'ms (happy-dom Range, slow)', pageScans),
    'anchor.1mb.200quotes.dom_found': { value: domFound, unit: `of ${QUOTES}` },
  };
}
