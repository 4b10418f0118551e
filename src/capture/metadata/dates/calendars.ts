/** Other calendars and digits, brought to the Gregorian day and to ASCII digits. */

/** Arabic-Indic, Persian and full-width digits as ASCII, one UTF-16 unit for one, so offsets stay put. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}

let persianFormat: Intl.DateTimeFormat | undefined;

/** The Solar Hijri year, month and day of a Gregorian day, from the platform's own calendar data. */
function persianParts(utc: number): [number, number, number] {
  persianFormat ??= new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const parts = persianFormat.formatToParts(new Date(utc));
  const part = (type: string) => Number.parseInt(parts.find((p) => p.type === type)?.value ?? '', 10);
  return [part('year'), part('month'), part('day')];
}

const DAY_MS = 86_400_000;

/**
 * The Gregorian day of a Solar Hijri date: the year starts at Nowruz, 19 to 22 March of year + 621,
 * and its first six months have 31 days, the next five 30.
 */
export function gregorianOfPersian(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) return undefined;
  for (let march = 19; march <= 22; march++) {
    const nowruz = Date.UTC(year + 621, 2, march);
    const [y, m, d] = persianParts(nowruz);
    if (y !== year || m !== 1 || d !== 1) continue;
    const offset = (month <= 6 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
    const date = new Date(nowruz + offset * DAY_MS);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  return undefined;
}
