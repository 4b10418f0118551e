/**
 * Last resorts for pages that print no date in their text (script-rendered pages, landing pages):
 * a date the page writes into its own description ("Notizia del 14 Gennaio 2020"), then a dated
 * path in the address of its share image (`/files/2016/05/04/cover.png`), which many CMSs file
 * by upload day. Both are weaker than any date in the page's text, so they come after it.
 */
import type { Page } from '../page.ts';
import type { DomDate } from './dom-dates.ts';
import { findTextDates } from './text-dates.ts';
import { dateFromUrl } from './url-date.ts';

export function dateFromDescription(page: Page): DomDate | undefined {
  for (const key of ['description', 'og:description', 'twitter:description']) {
    const found = findTextDates(page.meta.get(key)?.[0] ?? '', page.bounds, page.dayOrder, 1)[0];
    if (found) return { day: found.day, source: `meta:${key} (text)` };
  }
  return undefined;
}

export function dateFromShareImage(page: Page): DomDate | undefined {
  for (const key of ['og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image']) {
    for (const value of page.meta.get(key) ?? []) {
      const day = dateFromUrl(value, page.bounds, page.pageUrl);
      if (day) return { day, source: `image-url:${key}` };
    }
  }
  return undefined;
}
