/**
 * Re-anchoring: finds where a clipped quote is on the page now. Tries, in order, the old
 * position, the exact quote (disambiguated by context), the quote with whitespace
 * disregarded, then a fuzzy match. Returns null for an orphan, which the caller shows.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../core/draft.ts';
import { exactOccurrences, looseOccurrences, nearby } from './find-quote.ts';
import { acceptedNearby, fuzzyAnchor, fuzzyNearby } from './fuzzy.ts';
import { bestCandidate, type RatedCandidate } from './score.ts';
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

/** An exact quote near its old position with its context intact is taken without reading the whole page. */
const CONFIDENT_NEARBY_SCORE = 0.95;

const toAnchor = ({ start, end, score }: RatedCandidate, method: AnchorMethod): Anchor => ({ start, end, method, score });

/**
 * Anchors on a page's text. Pass the index's `visibleText` for a live page, so that text a reader
 * cannot see (a JSON copy of the article in a script) is never chosen.
 */
export function anchorText(text: string, selectors: AnchorSelectors): Anchor | null {
  const { quote, position } = selectors;
  if (quote.exact.length === 0) return null;
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position?.start;
  const window = hint === undefined ? undefined : nearby(text, hint, quote.exact.length);
  if (window) {
    const close = bestCandidate(text, quote, hint, exactOccurrences(text, quote.exact, ...window));
    if (close && close.score >= CONFIDENT_NEARBY_SCORE) return toAnchor(close, 'quote');
  }
  const exact = bestCandidate(text, quote, hint, exactOccurrences(text, quote.exact));
  if (exact) return toAnchor(exact, 'quote');
  // Reading the whole page for the quote with other whitespace costs more than the two nearby searches:
  // an edit in place (reflowed, or with a word changed) is found near its old position first.
  let closeFuzzy: RatedCandidate | null = null;
  if (window) {
    const closeLoose = bestCandidate(text, quote, hint, looseOccurrences(text, quote.exact, ...window));
    if (closeLoose && closeLoose.score >= CONFIDENT_NEARBY_SCORE) return toAnchor(closeLoose, 'quote');
    closeFuzzy = fuzzyNearby(text, quote, hint!);
    if (acceptedNearby(closeFuzzy)) return toAnchor(fuzzyAnchor(text, quote, hint, closeFuzzy)!, 'fuzzy');
  }
  const loose = bestCandidate(text, quote, hint, looseOccurrences(text, quote.exact));
  if (loose) return toAnchor(loose, 'quote');
  const fuzzy = fuzzyAnchor(text, quote, hint, closeFuzzy);
  return fuzzy && toAnchor(fuzzy, 'fuzzy');
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
  const anchor = anchorText(index.visibleText, selectors);
  return anchor && { ...anchor, range: rangeFromOffsets(root, anchor.start, anchor.end, index) };
}
