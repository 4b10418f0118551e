/** A calendar day, `YYYY-MM-DD`, checked to exist and to lie within plausible bounds. */

export interface DateBounds {
  /** Inclusive `YYYY-MM-DD`. */
  min: string;
  max: string;
}

/** The web of dated articles starts around 1995; `now` is the newest a date can be anywhere on Earth (UTC+14). */
export function dateBounds(now: Date): DateBounds {
  const latest = new Date(now.getTime() + 14 * 3_600_000);
  return { min: '1995-01-01', max: latest.toISOString().slice(0, 10) };
}

export function makeDay(year: number, month: number, day: number, bounds: DateBounds): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1) return undefined;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return iso >= bounds.min && iso <= bounds.max ? iso : undefined;
}
