/** Approximate quote matching with Myers' bit-parallel algorithm, near the old position first. */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../../core/draft.ts';
import { nearby } from './find-quote.ts';
import { bestCandidate, type Candidate, type RatedCandidate } from './score.ts';
import { seedRegions } from './seed-regions.ts';

/** Below this the match is more likely a different passage than an edited one: the quote is an orphan. */
export const MIN_FUZZY_SCORE = 0.7;
/** A match near the old position this good is taken without scanning the whole text. */
const NEARBY_ACCEPT_SCORE = 0.8;
/** Search time grows with the error budget; past a quarter of the quote it is no longer the same passage anyway. */
const MAX_ERRORS = 256;

function approximateMatches(text: string, exact: string, from: number, to: number, maxErrors: number): Candidate[] {
  return search(text.slice(from, to), exact, maxErrors).map((match) => ({
    start: match.start + from,
    end: match.end + from,
    errors: match.errors,
  }));
}

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_]/u.test(char);
/** A longer run is not a word that an edit split; leave the match as it is. */
const MAX_WORD_EXTENSION = 40;

/**
 * An edit at the edge of a quote makes the closest match cut a word ("pay compens" for
 * "pay compensation"). If the quote began or ended on a word boundary, so must the match.
 */
function snapToWholeWords(text: string, quote: TextQuoteSelector, match: RatedCandidate): RatedCandidate {
  let { start, end } = match;
  if (isWordChar(quote.exact[0]) && !isWordChar(quote.prefix.at(-1))) {
    const limit = start - MAX_WORD_EXTENSION;
    while (start > limit && isWordChar(text[start - 1]) && isWordChar(text[start])) start--;
  }
  if (isWordChar(quote.exact.at(-1)) && !isWordChar(quote.suffix[0])) {
    const limit = end + MAX_WORD_EXTENSION;
    while (end < limit && isWordChar(text[end - 1]) && isWordChar(text[end])) end++;
  }
  return { ...match, start, end };
}

const maxErrorsFor = (exact: string): number => Math.min(Math.floor(exact.length / 4), MAX_ERRORS);

/** Whether a match near the old position is the edited passage, so that the rest of the page need not be read. */
export const acceptedNearby = (match: RatedCandidate | null): boolean => !!match && match.score >= NEARBY_ACCEPT_SCORE;

/** Matches between `from` and `to`: only in the windows around the quote's surviving words, when they can guide. */
function seededMatches(text: string, exact: string, maxErrors: number, from: number, to: number): Candidate[] {
  const regions = seedRegions(text, exact, maxErrors, from, to) ?? [[from, to]];
  return regions.flatMap(([start, end]) => approximateMatches(text, exact, start, end, maxErrors));
}

/**
 * The best match near the old position, good enough or not; null when there is none within the error
 * budget. The windows around the quote's surviving words are tried before the whole nearby stretch.
 */
export function fuzzyNearby(text: string, quote: TextQuoteSelector, hint: number): RatedCandidate | null {
  const maxErrors = maxErrorsFor(quote.exact);
  if (maxErrors === 0) return null;
  const [from, to] = nearby(text, hint, quote.exact.length);
  const seeded = bestCandidate(text, quote, hint, seededMatches(text, quote.exact, maxErrors, from, to));
  if (acceptedNearby(seeded)) return seeded;
  const everywhere = bestCandidate(text, quote, hint, approximateMatches(text, quote.exact, from, to, maxErrors));
  return seeded && (!everywhere || seeded.score >= everywhere.score) ? seeded : everywhere;
}

function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number | undefined, close: RatedCandidate | null): RatedCandidate | null {
  const maxErrors = maxErrorsFor(quote.exact);
  if (maxErrors === 0) return null;
  if (acceptedNearby(close)) return close;
  const searchedWholeText = hint !== undefined && nearby(text, hint, quote.exact.length).join() === `0,${text.length}`;
  if (searchedWholeText) return close && close.score >= MIN_FUZZY_SCORE ? close : null;
  const anywhere = bestCandidate(text, quote, hint, seededMatches(text, quote.exact, maxErrors, 0, text.length));
  const best = close && (!anywhere || close.score >= anywhere.score) ? close : anywhere;
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}

/** The fuzzy match for a quote; `close` is what `fuzzyNearby` found, when the caller already looked there. */
export function fuzzyAnchor(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  close: RatedCandidate | null = hint === undefined ? null : fuzzyNearby(text, quote, hint),
): RatedCandidate | null {
  const match = fuzzyMatch(text, quote, hint, close);
  return match && snapToWholeWords(text, quote, match);
}
