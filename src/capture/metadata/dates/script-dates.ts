/**
 * Publication dates in inline scripts other than JSON-LD: app state (`__NEXT_DATA__`, Nuxt,
 * Shopify, Arc), data layers and analytics objects write `"publishedAt": "2024-03-03T…"`.
 * Only ISO values under a publication key are read; scripts are not run.
 */
import type { Page } from '../page.ts';
import { parseDateValue } from './parse.ts';

const KEY =
  /["']?\b(?:datePublished|date_published|publishedAt|published_at|publishDate|publish_date|pubDate|publicationDate|publication_date|firstPublished|first_publish_date|first_published_at|createdAt|created_at)["']?\s*[:=]\s*["'](\d{4}-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?)["']/g;
const MAX_SCRIPT_CHARS = 2_000_000;

export function dateFromScripts(page: Page): { day: string; source: string; raw: string } | undefined {
  let budget = MAX_SCRIPT_CHARS;
  for (const script of page.doc.querySelectorAll('script:not([src])')) {
    if (/ld\+json/i.test(script.getAttribute('type') ?? '')) continue;
    const text = script.textContent ?? '';
    budget -= text.length;
    if (budget < 0) break;
    KEY.lastIndex = 0;
    for (let m = KEY.exec(text); m; m = KEY.exec(text)) {
      const day = parseDateValue(m[1]!, page.bounds);
      if (day) return { day, source: 'script', raw: m[1]! };
    }
  }
  return undefined;
}
