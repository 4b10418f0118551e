/** The texts a page prints as a whole text node: a headline in a `<span>`, a site name in a footer. */
import { visibleTextNodes } from './dates/visible-text.ts';
import type { Page } from './page.ts';

const MIN_CHARS = 3;
const MAX_CHARS = 400;

export interface PrintedText {
  text: string;
  /** The element that prints it. */
  parent: Element | null;
}

/** Read once per extraction (not per element: the page may change between two clips), as several rules ask. */
const cache = new WeakMap<Page, PrintedText[]>();

export function printedTexts(page: Page): PrintedText[] {
  const cached = cache.get(page);
  if (cached) return cached;
  const runs: { text: string; parent: Element | null }[] = [];
  let previous: Node | undefined;
  for (const node of visibleTextNodes(page.root)) {
    // Some parsers split "&copy; 2021 Site" into two adjacent text nodes, where a browser keeps one.
    if (previous && node.previousSibling === previous) runs[runs.length - 1]!.text += node.nodeValue ?? '';
    else runs.push({ text: node.nodeValue ?? '', parent: node.parentElement });
    previous = node;
  }
  const printed = runs
    .map(({ text, parent }) => ({ text: text.replace(/\s+/g, ' ').trim(), parent }))
    .filter(({ text }) => text.length >= MIN_CHARS && text.length <= MAX_CHARS);
  cache.set(page, printed);
  return printed;
}
