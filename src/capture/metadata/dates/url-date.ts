/** A publication day written into the URL's path: /2024/03/03/, /2024-03-03-, /20240303/. */
import { makeDay, type DateBounds } from './day.ts';

/** A one-digit day must end the path segment, so "/2023/10/3-questions" is not read as October 3. */
const PATH_DATE =
  /(?<!\d)((?:19|20)\d{2})([/_-])(\d{1,2})\2(\d{2}(?!\d)|\d(?=[/.]|$))|\/((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)/;

/** `url` may be relative to `base`. */
export function dateFromUrl(url: string, bounds: DateBounds, base?: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, base).pathname;
  } catch {
    return undefined;
  }
  const m = PATH_DATE.exec(path);
  if (!m) return undefined;
  return m[1]
    ? makeDay(Number(m[1]), Number(m[3]), Number(m[4]), bounds)
    : makeDay(Number(m[5]), Number(m[6]), Number(m[7]), bounds);
}
