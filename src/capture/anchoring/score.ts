/** Rates where a quote might now be, on quote similarity, surrounding context and closeness to the old position. */
import search from 'approx-string-match';
import type { TextQuoteSelector } from '../../core/draft.ts';

export interface Candidate {
  start: number;
  end: number;
  /** Edit distance between the quote and text[start, end). */
  errors: number;
}

export interface RatedCandidate extends Candidate {
  /** 0 (no likeness) to 1 (same quote, same context, same place). */
  score: number;
}

// Hypothesis's weights: the quote matters most, then its context, position only breaks ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** 1 minus the smallest edit distance of `pattern` to any part of `text`, relative to the pattern's length. */
function similarity(pattern: string, text: string): number {
  if (pattern.length === 0) return 1;
  const best = search(text, pattern, pattern.length)[0];
  return best ? 1 - best.errors / pattern.length : 0;
}

/** Room for a few inserted words between the context and the quote. */
const contextSlack = (context: string): number => Math.min(context.length, 32);

export function rateCandidate(text: string, quote: TextQuoteSelector, hint: number | undefined, candidate: Candidate): RatedCandidate {
  const { start, end, errors } = candidate;
  const quoteScore = 1 - errors / quote.exact.length;
  // The context is looked for a little further out: words added between it and the quote are an edit
  // around the quote, not a sign of another passage.
  const prefixReach = quote.prefix.length + contextSlack(quote.prefix);
  const suffixReach = quote.suffix.length + contextSlack(quote.suffix);
  const prefixScore = similarity(quote.prefix, text.slice(Math.max(0, start - prefixReach), start));
  const suffixScore = similarity(quote.suffix, text.slice(end, end + suffixReach));
  const positionScore = hint === undefined ? 1 : 1 - Math.abs(start - hint) / Math.max(1, text.length);
  const weighted =
    QUOTE_WEIGHT * quoteScore + PREFIX_WEIGHT * prefixScore + SUFFIX_WEIGHT * suffixScore + POSITION_WEIGHT * positionScore;
  return { ...candidate, score: weighted / TOTAL_WEIGHT };
}

/** Rating every candidate of a very common quote would stall the page; the ones nearest the old position are kept. */
const MAX_RATED_CANDIDATES = 500;

export function bestCandidate(
  text: string,
  quote: TextQuoteSelector,
  hint: number | undefined,
  candidates: Candidate[],
): RatedCandidate | null {
  let pool = candidates;
  if (pool.length > MAX_RATED_CANDIDATES) {
    const distance = (candidate: Candidate) => Math.abs(candidate.start - (hint ?? 0));
    pool = [...pool].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_RATED_CANDIDATES);
  }
  let best: RatedCandidate | null = null;
  for (const candidate of pool) {
    const rated = rateCandidate(text, quote, hint, candidate);
    if (!best || rated.score > best.score) best = rated;
  }
  return best;
}
