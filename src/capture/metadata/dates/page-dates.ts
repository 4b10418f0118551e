/** Publication and modification days of a page, by a rule cascade from the most to the least explicit signal. */
import { fieldFromBroken, rankedWith, textOf } from '../json-ld.ts';
import { firstMeta } from '../meta-tags.ts';
import type { Page } from '../page.ts';
import { dateAfterChangeWord, dateAfterPublishWord, dateFromDateBearingElement, dateNearHeadline, firstTextDate } from './dom-dates.ts';
import { corroborated } from './corroborate.ts';
import { dateFromDescription, dateFromShareImage } from './last-resort.ts';
import { localDay } from './local-day.ts';
import { findTextDates } from './text-dates.ts';
import { headlineOf, inForeignRegion } from './regions.ts';
import { parseDateValue } from './parse.ts';
import { dateFromScripts } from './script-dates.ts';
import { dateFromUrl } from './url-date.ts';
import { visibleText } from './visible-text.ts';

export interface Found {
  day: string;
  /** Where the day came from, e.g. `json-ld:datePublished`. */
  source: string;
  /** The value as written, when it was a machine-readable date. */
  raw?: string;
}

type Rule = (page: Page) => Found | undefined;

/** Machine-written numeric dates with slashes follow the US habit (ASP.NET, JavaScript) whatever the page language. */
const MACHINE_ORDER = 'month-first';

const PUBLISHED_META = [
  'article:published_time', 'article:published', 'og:published_time', 'og:article:published_time',
  'article.published', 'published_time', 'citation_publication_date', 'citation_date', 'citation_online_date',
  'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'parsely-pub-date', 'sailthru.date', 'datepublished', 'datecreated', 'pubdate', 'publishdate', 'publish_date',
  'publish-date', 'published-date', 'published_date', 'date_published', 'article_date_original',
  'originalpublicationdate', 'created', 'creation_date', 'release_date',
];
/** Undifferentiated "date" tags: often the CMS record's date rather than the publication, so they rank below visible `<time>` and the date printed by the headline. */
const GENERIC_DATE_META = ['dc.date', 'dcterms.date', 'dc:date', 'date'];
const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'article:modified', 'datemodified', 'dcterms.modified',
  'dc.date.modified', 'last-modified', 'lastmod', 'modified',
];

function fromJsonLd(fields: readonly string[]): Rule {
  return (page) => {
    for (const field of fields) {
      for (const node of rankedWith(page.jsonLd, field)) {
        const raw = textOf(node[field]) ?? '';
        const day = parseDateValue(raw, page.bounds, MACHINE_ORDER);
        if (day) return { day, source: `json-ld:${field}`, raw };
      }
      const raw = fieldFromBroken(page.jsonLd, field);
      const day = raw && parseDateValue(raw, page.bounds, MACHINE_ORDER);
      if (day) return { day, source: `json-ld:${field}`, raw };
    }
    return undefined;
  };
}

function fromMeta(keys: readonly string[]): Rule {
  return (page) => {
    for (const key of keys) {
      for (const value of page.meta.get(key) ?? []) {
        const day = parseDateValue(value, page.bounds, MACHINE_ORDER);
        if (day) return { day, source: `meta:${key}`, raw: value };
      }
    }
    return undefined;
  };
}

/** Parse.ly puts its metadata as JSON in one meta tag. */
const fromParselyPage: Rule = (page) => {
  const raw = firstMeta(page.meta, ['parsely-page'])?.value;
  const match = raw && /"pub_date"\s*:\s*"([^"]+)"/.exec(raw);
  const day = match && parseDateValue(match[1]!, page.bounds, page.dayOrder);
  return day ? { day, source: 'meta:parsely-page' } : undefined;
};

/** "08/11/2023" shown for `datetime="2023-11-08"`: the page's own day order, not another day. */
function swapOfIso(machine: string | null, fromMachine: string | undefined, fromText: string): boolean {
  if (!fromMachine || !/^\d{4}-\d\d-\d\d/.test(machine ?? '')) return false;
  return fromText === `${fromMachine.slice(0, 4)}-${fromMachine.slice(8)}-${fromMachine.slice(5, 7)}`;
}

/**
 * A date element's machine value (`datetime`, `content`, `title`), unless the element shows a
 * different full date: what the reader sees is the publisher's own day, while machine values are
 * often UTC or written in an ambiguous order ("01-11-2023" shown as "1. November 2023").
 */
function fromElements(selector: string, source: string, skip?: RegExp): Rule {
  return (page) => {
    const headline = headlineOf(page.root);
    for (const element of page.doc.querySelectorAll(selector)) {
      if (skip && skip.test(`${element.getAttribute('class') ?? ''} ${element.getAttribute('itemprop') ?? ''}`)) continue;
      if (inForeignRegion(element, headline)) continue;
      const machine = element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.getAttribute('title');
      const fromMachine = machine ? parseDateValue(machine, page.bounds, MACHINE_ORDER) : undefined;
      const shown = (element.textContent ?? '').slice(0, 200);
      const fromText = parseDateValue(shown, page.bounds, page.dayOrder);
      const differs = fromText && fromMachine !== fromText && !swapOfIso(machine, fromMachine, fromText);
      if (differs) return { day: fromText, source, raw: shown };
      const day = fromMachine ?? fromText;
      if (day) return { day, source, raw: fromMachine ? machine! : shown };
    }
    return undefined;
  };
}

/** Marked as an update and not also as the publication (WordPress themes write `class="published updated"`). */
const UPDATE_CLASS = /^(?!.*publi).*(?:modif|updat|aktualisiert|mise-a-jour)/i;

/** Where a feed wrapper or redirect page says the story really is: its refresh target, canonical link, og:url. */
function addressesGiven(page: Page): [string, string][] {
  const refresh = /url\s*=\s*['"]?([^'"\s;]+)/i.exec(page.meta.get('refresh')?.[0] ?? '')?.[1];
  const canonical = page.doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  const ogUrl = page.meta.get('og:url')?.[0];
  return [
    [refresh, 'url:refresh'],
    [canonical, 'url:canonical'],
    [ogUrl, 'url:og:url'],
  ].filter((entry): entry is [string, string] => typeof entry[0] === 'string' && entry[0] !== '');
}

const fromUrl: Rule = (page) => {
  const day = dateFromUrl(page.pageUrl, page.bounds);
  if (day) return { day, source: 'url' };
  for (const [address, source] of addressesGiven(page)) {
    const given = dateFromUrl(address, page.bounds, page.pageUrl);
    if (given) return { day: given, source };
  }
  return undefined;
};

/**
 * MediaWiki's diff, old-revision and history pages: the revision shown (the newer side of a diff, the
 * latest in a history), not the JSON-LD `datePublished`, which is the article's creation years before.
 */
const REVISION_SHOWN = '#mw-diff-ntitle1, #mw-revision-info, #pagehistory .mw-changeslist-date';
const fromWikiRevision: Rule = (page) => {
  const shown = page.doc.querySelector(REVISION_SHOWN)?.textContent ?? '';
  const day = shown && findTextDates(shown.slice(0, 300), page.bounds, page.dayOrder, 1)[0]?.day;
  return day ? { day, source: 'wiki:revision' } : undefined;
};

const bodyTexts = new WeakMap<Page, string>();
function bodyText(page: Page): string {
  let text = bodyTexts.get(page);
  if (text === undefined) bodyTexts.set(page, (text = visibleText(page.root)));
  return text;
}

const PUBLISHED_RULES: Rule[] = [
  fromWikiRevision,
  fromUrl,
  fromJsonLd(['datePublished', 'dateCreated', 'uploadDate']),
  fromMeta(PUBLISHED_META),
  fromParselyPage,
  fromElements('[itemprop="datePublished"]', 'itemprop:datePublished'),
  fromElements('abbr.published[title], .published[title]', 'microformat:published'),
  fromElements('time[pubdate]', 'time[pubdate]'),
  fromElements('time[datetime]', 'time[datetime]', UPDATE_CLASS),
  dateNearHeadline,
  fromMeta(GENERIC_DATE_META),
  dateFromDateBearingElement,
  (page) => dateAfterPublishWord(page, bodyText(page)),
  dateFromScripts,
  (page) => dateAfterChangeWord(page, bodyText(page)),
  (page) => firstTextDate(page, bodyText(page)),
  dateFromDescription,
  dateFromShareImage,
];

const MODIFIED_RULES: Rule[] = [
  fromJsonLd(['dateModified']),
  fromMeta(MODIFIED_META),
  fromElements('[itemprop="dateModified"]', 'itemprop:dateModified'),
];

function firstFound(rules: Rule[], page: Page): Found | undefined {
  for (const rule of rules) {
    const found = rule(page);
    if (found) return found;
  }
  return undefined;
}

function machineDates(page: Page): string[] {
  const values = [...PUBLISHED_META, ...GENERIC_DATE_META].flatMap((key) => page.meta.get(key) ?? []);
  for (const element of [...page.doc.querySelectorAll('time[datetime]')].slice(0, 10)) {
    values.push(element.getAttribute('datetime') ?? '');
  }
  return values;
}

/**
 * Machine-readable publication dates that may contradict each other, in cascade order. One written
 * exactly as a declared modification timestamp is not a publication date, whatever its tag says.
 */
const MACHINE_RULES: Rule[] = [
  fromJsonLd(['datePublished']),
  fromMeta(PUBLISHED_META),
  fromElements('[itemprop="datePublished"]', 'itemprop:datePublished'),
  fromMeta(GENERIC_DATE_META),
  fromElements('time[datetime]', 'time[datetime]', UPDATE_CLASS),
];
const MAX_SHOWN_DATES = 40;

/** Every modification timestamp the page declares, as written. */
function modifiedValues(page: Page): Set<string> {
  const values = MODIFIED_META.flatMap((key) => page.meta.get(key) ?? []);
  for (const node of rankedWith(page.jsonLd, 'dateModified')) values.push(textOf(node['dateModified']) ?? '');
  for (const element of page.doc.querySelectorAll('[itemprop="dateModified"]')) {
    values.push(element.getAttribute('datetime') ?? element.getAttribute('content') ?? '');
  }
  return new Set(values.map((value) => value.trim()));
}

function checked(page: Page, found: Found | undefined): Found | undefined {
  if (!found || !/^(?:json-ld|meta):/.test(found.source)) return found;
  const shownDays = () => new Set(findTextDates(bodyText(page), page.bounds, page.dayOrder, MAX_SHOWN_DATES).map((d) => d.day));
  const modified = modifiedValues(page);
  const alternatives = MACHINE_RULES.map((rule) => rule(page)).filter((other) => !modified.has(other?.raw?.trim() ?? ''));
  return corroborated(found, alternatives, shownDays);
}

/** A time of day written with the publisher's own offset: its date part is the publisher's local day. */
const LOCAL_TIMESTAMP = /\d[T\s]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*[+-](?!00:?00)\d{2}:?\d{2}$/;
const DAY_MS = 86_400_000;
const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/**
 * A URL date one day off a JSON-LD timestamp written in the publisher's local time: the timestamp's
 * date part is the publisher's day, the URL's was made from another clock (a server's, an editor's in
 * another zone), so the timestamp wins. A UTC timestamp says nothing about the local day and leaves the
 * URL standing; so does one days away (more likely a later update written as the publication).
 */
function timestampOverUrl(page: Page, found: Found | undefined): Found | undefined {
  if (!found?.source.startsWith('url')) return found;
  const stamped = fromJsonLd(['datePublished'])(page);
  return stamped?.raw && LOCAL_TIMESTAMP.test(stamped.raw.trim()) && daysApart(stamped.day, found.day) === 1 ? stamped : found;
}

export function publishedDate(page: Page): Found | undefined {
  const found = checked(page, timestampOverUrl(page, firstFound(PUBLISHED_RULES, page)));
  const local = found?.raw && localDay(found.raw, machineDates(page), page.bounds);
  return local && found ? { day: local, source: `${found.source} (local time)`, raw: found.raw } : found;
}

export function modifiedDate(page: Page): Found | undefined {
  return firstFound(MODIFIED_RULES, page);
}

