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
