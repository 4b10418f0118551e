/**
 * Many CMSs serialise the publication time in UTC (`…Z`, `+00:00`) in one place and in the
 * publisher's local time in another. The publisher's calendar day is the local one, so when the
 * chosen value is UTC and another value on the page is the same instant written with a local
 * offset (or as a bare local time a whole number of quarter-hours away), that value's day wins.
 */
import type { DateBounds } from './day.ts';
import { parseDateValue } from './parse.ts';

const UTC_VALUE = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?\s*(?:Z|[+-]00:?00|GMT|UTC)$/i;
const HAS_OFFSET = /(?:Z|[+-]\d\d:?\d\d|GMT|UTC)$/i;
const BARE_LOCAL = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?$/;
const MINUTE = 60_000;
const QUARTER_HOUR = 15 * MINUTE;
const MAX_OFFSET = 14 * 60 * MINUTE;

function instantOf(value: string): number | undefined {
  const text = value.trim();
  if (HAS_OFFSET.test(text)) {
    const time = Date.parse(text.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
    return Number.isNaN(time) ? undefined : time;
  }
  return undefined;
}

/** A bare local time is read as if it were UTC; its distance to the true instant is then the offset. */
function bareAsUtc(value: string): number | undefined {
  const m = BARE_LOCAL.exec(value.trim());
  if (!m) return undefined;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
}

function isLocalTwin(utcInstant: number, candidate: string): boolean {
  if (UTC_VALUE.test(candidate.trim())) return false;
  const instant = instantOf(candidate);
  if (instant !== undefined) return Math.abs(instant - utcInstant) < MINUTE;
  const asUtc = bareAsUtc(candidate);
  if (asUtc === undefined) return false;
  const offset = asUtc - utcInstant;
  const fromQuarter = Math.abs(offset - Math.round(offset / QUARTER_HOUR) * QUARTER_HOUR);
  return offset !== 0 && Math.abs(offset) <= MAX_OFFSET && fromQuarter < MINUTE;
}

export function localDay(utcValue: string, others: string[], bounds: DateBounds): string | undefined {
  if (!UTC_VALUE.test(utcValue.trim())) return undefined;
  const utcInstant = instantOf(utcValue);
  if (utcInstant === undefined) return undefined;
  for (const other of others) {
    if (isLocalTwin(utcInstant, other)) return parseDateValue(other, bounds);
  }
  return undefined;
}
