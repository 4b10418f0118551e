/** Approximate quote matching with Myers' bit-parallel algorithm, near the old position first. */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../../core/draft.ts';
import { nearby } from './find-quote.ts';
import { bestCandidate, type Candidate, type RatedCandidate } from './score.ts';

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

function fuzzyMatch(text: string, quote: TextQuoteSelector, hint: number | undefined): RatedCandidate | null {
  const { exact } = quote;
  const maxErrors = Math.min(Math.floor(exact.length / 4), MAX_ERRORS);
  if (maxErrors === 0) return null;
  let close: RatedCandidate | null = null;
  if (hint !== undefined) {
    const [from, to] = nearby(text, hint, exact.length);
    close = bestCandidate(text, quote, hint, approximateMatches(text, exact, from, to, maxErrors));
    const coveredWholeText = from === 0 && to === text.length;
    if (coveredWholeText || (close && close.score >= NEARBY_ACCEPT_SCORE)) {
      return close && close.score >= MIN_FUZZY_SCORE ? close : null;
    }
  }
  const anywhere = bestCandidate(text, quote, hint, approximateMatches(text, exact, 0, text.length, maxErrors));
  const best = close && (!anywhere || close.score >= anywhere.score) ? close : anywhere;
  return best && best.score >= MIN_FUZZY_SCORE ? best : null;
}

export function fuzzyAnchor(text: string, quote: TextQuoteSelector, hint: number | undefined): RatedCandidate | null {
  const match = fuzzyMatch(text, quote, hint);
  return match && snapToWholeWords(text, quote, match);
}
