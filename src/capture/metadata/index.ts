/**
 * Source metadata read off a parsed page: canonical URL, title, publisher, authors, language,
 * description and dates, each with its provenance. Pure over the Document it is given, so it runs
 * in the content script and in Node (linkedom, happy-dom) alike.
 */
import type { SourceMetadata } from '../../core/draft.ts';
import { hostnameOf, registrableDomain } from '../../core/url.ts';
import { findAuthors } from './authors.ts';
import { findCanonicalUrl } from './canonical.ts';
import { modifiedDate, publishedDate } from './dates/page-dates.ts';
import { decodeEntities } from './entities.ts';
import { rankedWith, resolved, textOf, typesOf, type JsonObject } from './json-ld.ts';
import { firstMeta } from './meta-tags.ts';
import { readPage, type ExtractOptions, type Page } from './page.ts';
import { siteNamesOf, squash, subdomainLabels } from './site-names.ts';
import { stripSiteSuffix } from './title.ts';

export type { ExtractOptions } from './page.ts';

interface Field {
  value: string;
  source: string;
}

/** A timestamp with a time of day, where the zone decides the day; a bare date needs no second look. */
const HAS_TIME = /\d[T\s]\d{1,2}:\d{2}/;

function clip(text: string, max: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, max);
}

function fromJsonLd(page: Page, field: string): Field | undefined {
  const node = rankedWith(page.jsonLd, field)[0];
  const value = node && textOf(node[field]);
  return value ? { value, source: `json-ld:${field}` } : undefined;
}

function fromMeta(page: Page, keys: string[]): Field | undefined {
  const found = firstMeta(page.meta, keys);
  return found && { value: found.value, source: `meta:${found.key}` };
}

function firstField(...candidates: (() => Field | undefined)[]): Field | undefined {
  for (const candidate of candidates) {
    const found = candidate();
    if (found && found.value.trim()) return found;
  }
  return undefined;
}

/** A URL or host is never a publisher's name: "https://www.fr.de", "www.kas.de", "tdg.ch/". */
const URL_LIKE = /^(?:https?:\/\/|www\.)|\/$/i;

const TITLE_SEPARATOR = /\s+(?:[|–—·•»‹:]|-{1,2})\s+/;

/**
 * The site name a title adds after the page's own headline: "Headline – Site" where the headline is an
 * `<h1>` (not always the first: a blog's name may come before) or the social title.
 */
function titleSplitAtHeadline(page: Page): { headline: string; site: string } | undefined {
  const title = page.doc.title.replace(/\s+/g, ' ').trim();
  const headings = [...page.root.querySelectorAll('h1')].slice(0, 3).map((h1) => h1.textContent ?? '');
  for (const candidate of [...headings, firstMeta(page.meta, ['og:title'])?.value ?? '']) {
    const headline = candidate.replace(/\s+/g, ' ').trim();
    if (headline.length < 3 || headline === title || !title.startsWith(headline)) continue;
    const site = new RegExp(`^${TITLE_SEPARATOR.source}(.+)$`).exec(title.slice(headline.length))?.[1];
    if (site) return { headline, site };
  }
  return undefined;
}

/**
 * "Kinder und Arbeit » ProNATs e.V." on pronats.de: the title's last part, when it is the host's name
 * (a legal form aside), not a product or an issue named after it ("Parallels Desktop 15 for Mac").
 */
function titleEndNamingHost(page: Page, host: string): string | undefined {
  const last = page.doc.title.replace(/\s+/g, ' ').trim().split(TITLE_SEPARATOR).slice(1).pop();
  const hostName = squash(registrableDomain(host).replace(/\.[^.]+$/, ''));
  const part = squash(last?.replace(/^www\./i, '') ?? '');
  const naming = part.includes(hostName) ? part.length <= hostName.length + 4 : hostName.includes(part);
  return last && hostName.length > 2 && part.length > 2 && naming ? last : undefined;
}

/** The JSON-LD publisher's name, and whether it is a person (a blogger publishing their own site). */
function publisherOfJsonLd(page: Page): (Field & { person: boolean }) | undefined {
  for (const node of rankedWith(page.jsonLd, 'publisher')) {
    const publisher = resolved(page.jsonLd, node['publisher']);
    const value = textOf(publisher);
    const types = publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? typesOf(publisher as JsonObject) : [];
    if (value) return { value, source: 'json-ld:publisher', person: types.includes('Person') };
  }
  return undefined;
}

/**
 * "Bernau LIVE - Dein Stadtportal", "Infoportal - Diakonie Deutschland", "www.leichtathletik.de | Das
 * Portal": a site name with a tagline is cut to the part that names the host, when one does.
 */
function withoutTagline(name: string, host: string): string {
  const parts = name.split(/\s+(?:[|–—·•:]|-{1,2})\s+/);
  if (parts.length < 2) return name;
  const hostName = squash(registrableDomain(host).replace(/\.[^.]+$/, ''));
  const naming = parts.map((part) => part.replace(/^www\./i, '')).find((part) => hostName.length > 2 && squash(part).includes(hostName));
  return naming ?? name;
}

function findPublisher(page: Page, title: string | undefined, host: string): Field | undefined {
  const usable = (found: Field | undefined): Field | undefined => {
    if (!found) return undefined;
    let value = withoutTagline(decodeEntities(found.value).trim(), host);
    // A site name that repeats the page title: "Land zahlte … | MLUK".
    if (title && value.startsWith(title)) value = value.slice(title.length).replace(/^\s*(?:[|–—·•:-])\s*/, '');
    return value && !URL_LIKE.test(value) && value !== title ? { value, source: found.source } : undefined;
  };
  return firstField(
    // The brand the site shows before the JSON-LD publisher, often the legal company ("Tamedia AG").
    () => {
      const siteName = usable(fromMeta(page, ['og:site_name']));
      const jsonLd = usable(publisherOfJsonLd(page));
      // "pcgamer" is "PC Gamer" written as a handle.
      return siteName && jsonLd && squash(siteName.value) === squash(jsonLd.value) ? jsonLd : siteName;
    },
    () => usable(publisherOfJsonLd(page)),
    () => usable(fromMeta(page, ['citation_publisher', 'citation_journal_title', 'dc.publisher', 'dcterms.publisher', 'application-name'])),
    () => usable(mapField(titleSplitAtHeadline(page)?.site, 'title')),
    () => usable(mapField(titleEndNamingHost(page, host), 'title')),
    () => usable(mapField(logoName(page), 'logo')),
  );
}

const LOGO_IMAGES = '[class*="logo" i] img[alt], [id*="logo" i] img[alt], img[class*="logo" i][alt], img[id*="logo" i][alt], img[alt*="logo" i]';
/** What a logo's alternative text adds to the name: "Logo:", "-Logo", "(Link zur Startseite)", "home". */
const LOGO_WORDS = /\([^)]*\)|(?<!\p{L})(?:logo|link|home|startseite|zur|to|the homepage|der|des|von|of)(?!\p{L})|[-:]/giu;

/** The outlet's name as its logo's alternative text gives it: "Logo: Bundeskriminalamt (Link zur Startseite)". */
function logoName(page: Page): string | undefined {
  for (const image of [...page.root.querySelectorAll(LOGO_IMAGES)].slice(0, 5)) {
    const name = (image.getAttribute('alt') ?? '').replace(LOGO_WORDS, ' ').replace(/\s+/g, ' ').trim();
    if (name.length > 1 && name.split(' ').length <= 5 && !/\.(?:svg|png|jpe?g|gif)$/i.test(name)) return name;
  }
  return undefined;
}

const mapField = (value: string | undefined, source: string): Field | undefined => (value ? { value, source } : undefined);

function findTitle(page: Page): Field | undefined {
  return firstField(
    () => fromMeta(page, ['og:title']),
    () => fromJsonLd(page, 'headline'),
    () => fromMeta(page, ['twitter:title', 'citation_title', 'dc.title', 'dcterms.title']),
    () => mapField(titleSplitAtHeadline(page)?.headline, 'h1'),
    () => ({ value: page.doc.title, source: 'document.title' }),
    () => ({ value: page.doc.querySelector('h1')?.textContent ?? '', source: 'h1' }),
  );
}

function findLanguage(page: Page): Field | undefined {
  const declared = (page.doc.querySelector('html') ?? page.doc.documentElement)?.getAttribute('lang');
  const found = firstField(
    () => (declared ? { value: declared, source: 'html[lang]' } : undefined),
    () => fromMeta(page, ['content-language', 'og:locale', 'dc.language', 'citation_language']),
    () => fromJsonLd(page, 'inLanguage'),
  );
  const tag = found?.value.trim().replace(/_/g, '-');
  return found && tag && /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i.test(tag) ? { value: tag, source: found.source } : undefined;
}

export function extractMetadata(doc: Document, pageUrl: string, options: ExtractOptions = {}): SourceMetadata {
  const page = readPage(doc, pageUrl, options);
  const provenance: Record<string, string> = {};
  const canonical = findCanonicalUrl(page);
  provenance['url'] = canonical.source;

  const host = hostnameOf(canonical.url) ?? '';
  const title = findTitle(page);
  const titleText = title ? clip(decodeEntities(title.value), 2_000) : undefined;
  const publisher = findPublisher(page, titleText, host);
  const jsonLdPublisher = publisherOfJsonLd(page);
  // A person who publishes their own blog may well be its author too.
  const organisation = jsonLdPublisher && !jsonLdPublisher.person ? jsonLdPublisher.value : undefined;
  const outletNames = [publisher?.source === 'json-ld:publisher' ? organisation : publisher?.value, firstMeta(page.meta, ['og:site_name'])?.value, organisation];
  const siteNames = siteNamesOf(outletNames, host);
  const description = firstField(
    () => fromMeta(page, ['og:description', 'description', 'twitter:description', 'dc.description']),
    () => fromJsonLd(page, 'description'),
  );
  const language = findLanguage(page);
  const authors = findAuthors(page, {
    siteNames,
    outletNames: outletNames.filter((name): name is string => !!name),
    hostLabels: subdomainLabels(host),
  });
  const published = publishedDate(page);
  const modified = modifiedDate(page);

  const record = (field: string, found: { source: string } | undefined) => {
    if (found) provenance[field] = found.source;
  };
  record('title', title);
  record('publisher', publisher);
  record('authors', authors);
  record('language', language);
  record('description', description);
  record('publishedDate', published);
  record('modifiedDate', modified);

  return {
    url: canonical.url,
    originalUrl: pageUrl,
    title: titleText ? stripSiteSuffix(titleText, siteNames) : '',
    publisher: publisher ? clip(publisher.value, 500) : undefined,
    authors: authors?.authors ?? [],
    language: language?.value,
    description: description ? clip(description.value, 5_000) : undefined,
    publishedDate: published?.day,
    publishedTimestamp: published?.raw && HAS_TIME.test(published.raw) ? clip(published.raw, 100) : undefined,
    modifiedDate: modified?.day,
    provenance,
  };
}
