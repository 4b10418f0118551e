/** Turning one date string into a calendar day, `YYYY-MM-DD`, within plausible bounds. */
import { makeDay, type DateBounds } from './day.ts';
import { findTextDates, type DayOrder } from './text-dates.ts';

const ISO_START = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/;
const EPOCH = /^\d{9,13}$/;

/**
 * A machine-written value (meta content, `datetime`, JSON-LD). The date part is taken as written,
 * so "2024-03-03T23:30:00-05:00" is the 3rd: the publisher's own calendar day.
 * Anything else falls back to the first date found in it as text.
 */
export function parseDateValue(value: string, bounds: DateBounds, order: DayOrder = 'auto'): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const iso = ISO_START.exec(text) ?? COMPACT.exec(text);
  if (iso) return makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), bounds);
  if (EPOCH.test(text)) {
    const millis = text.length > 11 ? Number(text) : Number(text) * 1000;
    return makeDayFromDate(new Date(millis), bounds);
  }
  return findTextDates(text.slice(0, 200), bounds, order, 1)[0]?.day;
}

function makeDayFromDate(date: Date, bounds: DateBounds): string | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return makeDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), bounds);
}
