/**
 * Re-anchoring: finds where a clipped quote is on the page now. Tries, in order, the old
 * position, the exact quote (disambiguated by context), the quote with whitespace
 * disregarded, then a fuzzy match. Returns null for an orphan, which the caller shows.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../core/draft.ts';
import { exactOccurrences, occurrencesIgnoringWhitespace } from './find-quote.ts';
import { fuzzyAnchor } from './fuzzy.ts';
import { bestCandidate } from './score.ts';
import { indexText, rangeFromOffsets, type TextIndex } from './text-index.ts';

export { indexText, rangeFromOffsets, type TextIndex };

export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1, how well quote, context and position agree; absent when the old position still holds. */
  score?: number;
}

export interface AnchorSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export function anchorText(text: string, selectors: AnchorSelectors): Anchor | null {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position?.start;
  for (const find of [exactOccurrences, occurrencesIgnoringWhitespace]) {
    const best = bestCandidate(text, quote, hint, find(text, quote.exact));
    if (best) return { start: best.start, end: best.end, method: 'quote', score: best.score };
  }
  const fuzzy = fuzzyAnchor(text, quote, hint);
  return fuzzy && { start: fuzzy.start, end: fuzzy.end, method: 'fuzzy', score: fuzzy.score };
}

/**
 * Anchors on the live DOM. To anchor many quotes on one page, build the index once with
 * `indexText(root)` and pass it: it holds the page text and the node offsets.
 */
export function anchorSelectors(
  root: Element,
  selectors: AnchorSelectors,
  index: TextIndex = indexText(root),
): (Anchor & { range: Range }) | null {
  const anchor = anchorText(index.text, selectors);
  return anchor && { ...anchor, range: rangeFromOffsets(root, anchor.start, anchor.end, index) };
}
