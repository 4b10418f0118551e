/** Where a quote occurs verbatim, and where it occurs once whitespace is disregarded. */
import type { Candidate } from './score.ts';

/** Enough to disambiguate any real quote; bounds the work for one that is a single common word. */
const MAX_OCCURRENCES = 10_000;

/** Searching this far around the old position first finds most quotes without reading the whole page. */
const NEARBY_CHARS = 2_000;

/** The stretch of text around the old position that is searched first. */
export function nearby(text: string, hint: number, quoteLength: number): [from: number, to: number] {
  return [Math.max(0, hint - quoteLength - NEARBY_CHARS), Math.min(text.length, hint + 2 * quoteLength + NEARBY_CHARS)];
}

export function exactOccurrences(text: string, exact: string, from = 0, to = text.length): Candidate[] {
  const within = text.slice(from, to);
  const found: Candidate[] = [];
  for (let at = within.indexOf(exact); at >= 0 && found.length < MAX_OCCURRENCES; at = within.indexOf(exact, at + 1)) {
    found.push({ start: from + at, end: from + at + exact.length, errors: 0 });
  }
  return found;
}

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Occurrences where only whitespace differs: reflowed markup, a line break that
 * became a space, a space added or lost between two block elements.
 */
export function occurrencesIgnoringWhitespace(text: string, exact: string): Candidate[] {
  const words = exact.split(/\s+/).filter(Boolean);
  if (words.length < 2) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s*'), 'g');
  const found: Candidate[] = [];
  for (const match of text.matchAll(pattern)) {
    found.push({ start: match.index, end: match.index + match[0].length, errors: 0 });
    if (found.length >= MAX_OCCURRENCES) break;
  }
  return found;
}

/** Enough to find a word's every occurrence in a long page; a word this common is no guide. */
const MAX_WORD_HITS = 200;
/** Room in a window for whitespace that differs from the quote's (reflowed markup, indentation). */
const WHITESPACE_SLACK = 64;

/**
 * The stretches of text that can hold the quote with other whitespace: every such occurrence holds
 * the quote's longest word, so only the text around that word's occurrences is
 * searched. Null when the word is too short or too common to guide: then the whole page is searched.
 */
function stretchesAroundLongestWord(text: string, exact: string): [number, number][] | null {
  const words = exact.split(/\s+/).filter(Boolean);
  const word = words.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
  if (words.length < 2 || word.length < 4) return null;
  const offset = exact.indexOf(word);
  const slack = WHITESPACE_SLACK + (exact.length >> 1);
  const stretches: [number, number][] = [];
  let hits = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (++hits > MAX_WORD_HITS) return null;
    const from = Math.max(0, at - offset - slack);
    const to = Math.min(text.length, at - offset + exact.length + slack);
    const last = stretches.at(-1);
    if (last && from <= last[1]) last[1] = to;
    else stretches.push([from, to]);
  }
  return stretches;
}

/**
 * Occurrences where only whitespace differs, found without a regular-expression scan of the whole page
 * when the quote's longest word can guide the search (that scan was most of the cost of anchoring an
 * edited page). A match that reaches a stretch's edge may be longer than the stretch: then the whole
 * page is searched as before.
 */
export function looseOccurrences(text: string, exact: string): Candidate[] {
  const stretches = stretchesAroundLongestWord(text, exact);
  if (!stretches) return occurrencesIgnoringWhitespace(text, exact);
  const found: Candidate[] = [];
  for (const [from, to] of stretches) {
    const within = occurrencesIgnoringWhitespace(text.slice(from, to), exact);
    if (within.some(({ start, end }) => (start === 0 && from > 0) || (end === to - from && to < text.length))) {
      return occurrencesIgnoringWhitespace(text, exact);
    }
    found.push(...within.map(({ start, end, errors }) => ({ start: start + from, end: end + from, errors })));
  }
  return found;
}
