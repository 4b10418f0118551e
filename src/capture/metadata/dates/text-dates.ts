/** Finding calendar dates written in running text, in several languages and numeric styles. */
import { asciiDigits, gregorianOfPersian } from './calendars.ts';
import { MONTH_PATTERN, PERSIAN_MONTH_PATTERN, monthNumber, persianMonthNumber } from './months.ts';
import { makeDay, type DateBounds } from './day.ts';

/** How to read ambiguous numeric dates like 03/04/2024: US month-first, or day-first. */
export type DayOrder = 'month-first' | 'day-first' | 'auto';

export interface TextDate {
  day: string;
  index: number;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\d])';
const NOT_LETTER_AFTER = '(?![\\p{L}\\d])';
const MONTH = `(${MONTH_PATTERN})\\.?`;
/** A second name for the same month, as Arabic pages print it: "أغسطس/آب". */
const OTHER_NAME = `(?:\\s*/\\s*(?:${MONTH_PATTERN}))?`;
/** Solar Hijri years on Iranian and Afghan pages (1300–1499). */
const PERSIAN_YEAR = '(1[34]\\d{2})(?!\\d)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º|°|\\.)?';
const YEAR = '((?:19|20)\\d{2})(?!\\d)';

const PATTERNS = [
  // 2024-03-03, 2024/03/03, 2024.03.03
  '(?<!\\d)((?:19|20)\\d{2})([-/.])(\\d{1,2})\\2(\\d{1,2})(?!\\d)',
  // 3 March 2024, 3. März 2024, 3 de marzo de 2024, 1er mars 2024, 3rd of March, 2024
  `${NOT_LETTER_BEFORE}${DAY}\\s*(?:de\\s+|of\\s+)?${MONTH}${NOT_LETTER_AFTER}${OTHER_NAME},?\\s*(?:de\\s+|del\\s+)?${YEAR}`,
  // March 3, 2024, Mar. 3rd 2024
  `${NOT_LETTER_BEFORE}${MONTH}${NOT_LETTER_AFTER}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?!\\d),?\\s+${YEAR}`,
  // 03.03.2024, 03/03/2024, 03-03-2024
  '(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\12((?:19|20)\\d{2})(?!\\d)',
  // 2024年3月3日, 2024년 3월 3일
  '((?:19|20)\\d{2})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]',
  // 03.03.24: two-digit years only with dots, the German, Swiss and Austrian short form
  '(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2})(?![\\d.])',
  // ۱۹ تیر ۱۳۹۹: a Solar Hijri day, month name and year
  `${NOT_LETTER_BEFORE}(\\d{1,2})\\s*(${PERSIAN_MONTH_PATTERN})${NOT_LETTER_AFTER}\\s*${PERSIAN_YEAR}`,
  // ۱۳۹۹/۰۴/۱۹
  '(?<!\\d)(1[34]\\d{2})([-/.])(\\d{1,2})\\25(\\d{1,2})(?!\\d)',
];
const TEXT_DATE = new RegExp(PATTERNS.join('|'), 'giu');

function numericDay(
  first: number,
  second: number,
  year: number,
  separator: string,
  order: DayOrder,
  bounds: DateBounds,
): string | undefined {
  if (first > 12) return makeDay(year, second, first, bounds);
  if (second > 12) return makeDay(year, first, second, bounds);
  const monthFirst = separator !== '.' && order !== 'day-first';
  return monthFirst ? makeDay(year, first, second, bounds) : makeDay(year, second, first, bounds);
}

/** A two-digit year is in this century unless that would put it after the newest plausible date. */
function fullYear(twoDigits: number, bounds: DateBounds): number {
  return 2000 + twoDigits <= Number(bounds.max.slice(0, 4)) ? 2000 + twoDigits : 1900 + twoDigits;
}

function persianDay(year: number, month: number, day: number, bounds: DateBounds): string | undefined {
  const gregorian = gregorianOfPersian(year, month, day);
  return gregorian && makeDay(gregorian.year, gregorian.month, gregorian.day, bounds);
}

/**
 * Group numbers follow PATTERNS: 1-4 ISO, 5-7 day-month-year, 8-10 month-day-year, 11-14 numeric,
 * 15-17 CJK, 18-20 short, 21-23 Solar Hijri day-month-year, 24-27 Solar Hijri numeric.
 */
function dayOfMatch(m: RegExpExecArray, order: DayOrder, bounds: DateBounds): string | undefined {
  const n = (i: number) => Number(m[i]);
  if (m[1]) return makeDay(n(1), n(3), n(4), bounds);
  if (m[5]) return makeDay(n(7), monthNumber(m[6]!) ?? 0, n(5), bounds);
  if (m[8]) return makeDay(n(10), monthNumber(m[8]) ?? 0, n(9), bounds);
  if (m[11]) return numericDay(n(11), n(13), n(14), m[12]!, order, bounds);
  if (m[15]) return makeDay(n(15), n(16), n(17), bounds);
  if (m[18]) return makeDay(fullYear(n(20), bounds), n(19), n(18), bounds);
  if (m[21]) return persianDay(n(23), persianMonthNumber(m[22]!) ?? 0, n(21), bounds);
  if (m[24]) return persianDay(n(24), n(26), n(27), bounds);
  return undefined;
}

/** Dates in `text` in order of appearance, at most `limit` of them. */
export function findTextDates(printed: string, bounds: DateBounds, order: DayOrder, limit = 50): TextDate[] {
  const found: TextDate[] = [];
  const text = asciiDigits(printed);
  TEXT_DATE.lastIndex = 0;
  for (let m = TEXT_DATE.exec(text); m && found.length < limit; m = TEXT_DATE.exec(text)) {
    const day = dayOfMatch(m, order, bounds);
    if (day) found.push({ day, index: m.index });
  }
  return found;
}
