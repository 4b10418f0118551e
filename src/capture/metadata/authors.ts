/** Author names from JSON-LD, meta tags (Highwire, Dublin Core, Parse.ly, Sailthru) and rel/itemprop markup. */
import { rankedWith, type JsonObject } from './json-ld.ts';
import type { Page } from './page.ts';

export interface FoundAuthors {
  authors: string[];
  source: string;
}

const MAX_AUTHORS = 50;
const MAX_NAME = 300;

function namesFromJsonLd(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesFromJsonLd);
  if (value && typeof value === 'object') {
    const name = (value as JsonObject)['name'];
    return typeof name === 'string' ? [name] : [];
  }
  return [];
}

/** Names, not profile URLs or social handles; trimmed, de-duplicated, "By " dropped. */
function cleanNames(names: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\s+/g, ' ').replace(/^(?:by|von|par|por|di|door)\s+/i, '').trim();
    if (!name || /^(?:https?:|www\.|@)/i.test(name) || name.length > MAX_NAME) continue;
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out.slice(0, MAX_AUTHORS);
}

const META_KEYS = ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author', 'parsely-author', 'sailthru.author'];

export function findAuthors(page: Page): FoundAuthors | undefined {
  const node = rankedWith(page.jsonLd, 'author')[0];
  const fromJsonLd = node ? cleanNames(namesFromJsonLd(node['author'])) : [];
  if (fromJsonLd.length) return { authors: fromJsonLd, source: 'json-ld:author' };
  for (const key of META_KEYS) {
    const names = cleanNames(page.meta.get(key) ?? []);
    if (names.length) return { authors: names, source: `meta:${key}` };
  }
  const elements = page.doc.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]');
  const fromMarkup = cleanNames([...elements].slice(0, 10).map((element) => (element.textContent ?? '').slice(0, MAX_NAME)));
  return fromMarkup.length ? { authors: fromMarkup, source: 'markup:author' } : undefined;
}
