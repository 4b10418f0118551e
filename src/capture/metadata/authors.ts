/**
 * Author names from JSON-LD, meta tags (Highwire, Dublin Core, Parse.ly, Sailthru), rel/itemprop
 * markup and, failing those, the byline printed on the page. The site itself, a desk, a CMS account
 * and a theme's credit are not authors; an outlet appended to a name is dropped.
 */
import { decodeEntities } from './entities.ts';
import { rankedWith, resolved, type JsonObject } from './json-ld.ts';
import { headlineOf, inForeignRegion } from './dates/regions.ts';
import type { Page } from './page.ts';
import { isSiteDesk, namesSite } from './site-names.ts';

export interface FoundAuthors {
  authors: string[];
  source: string;
}

const MAX_AUTHORS = 50;
const MAX_NAME = 300;
/** Longer is a sentence or a menu caught with the byline, not a name. */
const MAX_NAME_WORDS = 6;

function namesFromJsonLd(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesFromJsonLd);
  if (value && typeof value === 'object') {
    const name = (value as JsonObject)['name'];
    return typeof name === 'string' ? [name] : Array.isArray(name) ? name.filter((item) => typeof item === 'string') : [];
  }
  return [];
}

const CREDIT_WORDS = /^(?:by|von|par|por|di|door|de|written by|text(?:e|o)?:|autor(?:in)?:|author:|recueilli(?:e|s)? par|propos recueillis par)\s+/i;
/** Accounts and placeholders a CMS prints where a byline would be. */
const NOT_A_NAME = /^(?:(?:wordpress)?admin(?:istrator)?|unknown|anonymous|anonym|webmaster|redaktion|redazione|rédaction|redacción|staff|editor|editors|editorial|newsroom|court reporter|guest|gast|user|author|autor)$/i;
/** Link texts and labels printed with a byline ("Show all articles of …", "Alle Beiträge"). */
const UI_WORDS = /(?<!\p{L})(?:articles?|posts?|beiträge|artikel|show|view|more|mehr|alle|follow|email|e-mail)(?!\p{L})/iu;

/** "Rob Picheta, CNN", "Charles Walton for SurgeZirc UK", "Ann Lee | The Times" without the outlet. */
function withoutOutlet(name: string, siteNames: string[]): string {
  const match = /^(.+?)(?:\s*[,|–—-]\s*|\s+for\s+|\s+für\s+)([^,|]+)$/i.exec(name);
  return match && namesSite(match[2]!, siteNames) ? match[1]!.trim() : name;
}

function cleanName(raw: string, siteNames: string[]): string | undefined {
  let name = decodeEntities(raw).replace(/\s+/g, ' ').trim();
  if (/https?:|www\.|@/i.test(name)) return undefined;
  name = name.replace(CREDIT_WORDS, '').replace(/[.,;:·•|]+$/, '').trim();
  name = withoutOutlet(name, siteNames);
  if (!name || name.length > MAX_NAME || name.split(' ').length > MAX_NAME_WORDS) return undefined;
  if (NOT_A_NAME.test(name) || UI_WORDS.test(name) || /\d/.test(name)) return undefined;
  if (namesSite(name, siteNames) || isSiteDesk(name, siteNames)) return undefined;
  return name;
}

/** Names, not profile URLs, handles, the site or a desk; trimmed and de-duplicated. */
function cleanNames(names: string[], siteNames: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = cleanName(raw, siteNames);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out.slice(0, MAX_AUTHORS);
}

const META_KEYS = ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author', 'parsely-author', 'sailthru.author'];

const BYLINE_ELEMENTS = '[class*="byline" i], [class*="author" i], [class*="autor" i], [class*="post-meta" i], [class*="entry-meta" i]';
const COMMENT_AREA = /comment|kommentar|reply|respond/i;
const BYLINE_WORD = /(?:^|\s)(?:by|von|par|por|door|written by|recueilli par)\s+(.{2,120})/i;
/** What follows the names in a byline: a date, a time, a separator, a job title on the next line. */
const AFTER_NAMES = /\s(?:\d|[|•·–—]|-\s|am\s|le\s|on\s|in\s)|(?:\s|(?<=\p{Ll}))(?:published|veröffentlicht|aktualisiert|updated)/iu;
const NAME_SEPARATOR = /\s*(?:,|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s*&\s*)\s*/i;

/** "By Emily Burack 8 January 2020", "von Daniel Braun, Davor Pasoski": the names after the credit word. */
function namesFromBylines(page: Page, siteNames: string[]): string[] {
  const headline = headlineOf(page.root);
  for (const element of [...page.root.querySelectorAll(BYLINE_ELEMENTS)].slice(0, 30)) {
    if (COMMENT_AREA.test(`${element.getAttribute('class') ?? ''} ${element.closest('[class*="comment" i], [id*="comment" i]') ? 'comment' : ''}`)) continue;
    // A teaser's or a related article's byline is not this page's.
    if (inForeignRegion(element, headline)) continue;
    const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const credit = BYLINE_WORD.exec(text)?.[1];
    if (!credit) continue;
    const names = cleanNames(credit.split(AFTER_NAMES)[0]!.split(NAME_SEPARATOR), siteNames);
    if (names.length) return names;
  }
  return [];
}

export function findAuthors(page: Page, siteNames: string[]): FoundAuthors | undefined {
  const node = rankedWith(page.jsonLd, 'author')[0];
  const fromJsonLd = node ? cleanNames(namesFromJsonLd(resolved(page.jsonLd, node['author'])), siteNames) : [];
  if (fromJsonLd.length) return { authors: fromJsonLd, source: 'json-ld:author' };
  for (const key of META_KEYS) {
    const names = cleanNames(page.meta.get(key) ?? [], siteNames);
    if (names.length) return { authors: names, source: `meta:${key}` };
  }
  const elements = page.doc.querySelectorAll('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]');
  const fromMarkup = cleanNames([...elements].slice(0, 10).map((element) => (element.textContent ?? '').slice(0, MAX_NAME)), siteNames);
  if (fromMarkup.length) return { authors: fromMarkup, source: 'markup:author' };
  const fromByline = namesFromBylines(page, siteNames);
  return fromByline.length ? { authors: fromByline, source: 'markup:byline' } : undefined;
}
