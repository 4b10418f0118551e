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

const nonSpaceCount = (text: string): number => text.replace(/\s+/g, '').length;

/** What `\s` matches, by character code: tested once per character, a regular expression would be slow here. */
function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** From `at`, the offset reached after passing `count` non-whitespace characters (and any whitespace) in `step` direction. */
function passNonSpace(text: string, at: number, count: number, step: 1 | -1): number {
  let position = at;
  for (let left = count; position > 0 && position < text.length; position += step) {
    if (isSpaceCode(text.charCodeAt(step === 1 ? position : position - 1))) continue;
    if (left-- === 0) break;
  }
  return position;
}

/**
 * The stretches of text that can hold the quote with other whitespace: such an occurrence holds the
 * quote's longest word with exactly as many non-whitespace characters before and after it as the
 * quote has, so each stretch reaches that far from an occurrence of the word, over any whitespace.
 * Null when the word is too short or too common to guide: then the whole page is searched.
 */
function stretchesAroundLongestWord(text: string, exact: string): [number, number][] | null {
  const words = exact.split(/\s+/).filter(Boolean);
  const word = words.reduce((longest, candidate) => (candidate.length > longest.length ? candidate : longest), '');
  if (words.length < 2 || word.length < 4) return null;
  const offset = exact.indexOf(word);
  const before = nonSpaceCount(exact.slice(0, offset));
  const after = nonSpaceCount(exact.slice(offset + word.length));
  const stretches: [number, number][] = [];
  let hits = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (++hits > MAX_WORD_HITS) return null;
    const from = passNonSpace(text, at, before, -1);
    const to = passNonSpace(text, at + word.length, after, 1);
    const last = stretches.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else stretches.push([from, to]);
  }
  return stretches;
}

/**
 * Occurrences where only whitespace differs, found without a regular-expression scan of the whole page
 * when the quote's longest word can guide the search (that scan was most of the cost of anchoring an
 * edited page).
 */
export function looseOccurrences(text: string, exact: string, from = 0, to = text.length): Candidate[] {
  if (from > 0 || to < text.length) {
    return occurrencesIgnoringWhitespace(text.slice(from, to), exact).map(({ start, end, errors }) => ({ start: start + from, end: end + from, errors }));
  }
  const stretches = stretchesAroundLongestWord(text, exact);
  if (!stretches) return occurrencesIgnoringWhitespace(text, exact);
  return stretches.flatMap(([from, to]) =>
    occurrencesIgnoringWhitespace(text.slice(from, to), exact).map(({ start, end, errors }) => ({ start: start + from, end: end + from, errors })),
  );
}
