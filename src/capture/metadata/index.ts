/**
 * Source metadata read off a parsed page: canonical URL, title, publisher, authors, language,
 * description and dates, each with its provenance. Pure over the Document it is given, so it runs
 * in the content script and in Node (linkedom, happy-dom) alike.
 */
import type { SourceMetadata } from '../../core/draft.ts';
import { hostnameOf } from '../../core/url.ts';
import { findAuthors } from './authors.ts';
import { findCanonicalUrl } from './canonical.ts';
import { modifiedDate, publishedDate } from './dates/page-dates.ts';
import { decodeEntities } from './entities.ts';
import { firstField, type Field } from './field.ts';
import { rankedWith, textOf } from './json-ld.ts';
import { firstMeta } from './meta-tags.ts';
import { readPage, type ExtractOptions, type Page } from './page.ts';
import { findPublisher, publisherOfJsonLd } from './publisher.ts';
import { siteNamesOf, subdomainLabels } from './site-names.ts';
import { findHeadline, stripSiteSuffix } from './title.ts';

export type { ExtractOptions } from './page.ts';

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
  const jsonLdPublisher = publisherOfJsonLd(page);
  const title = findHeadline(page, siteNamesOf([firstMeta(page.meta, ['og:site_name'])?.value, jsonLdPublisher?.value], host));
  const titleText = title ? clip(decodeEntities(title.value), 2_000) : undefined;
  const publisher = findPublisher(page, titleText, host);
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
    title: titleText && !title?.asShown ? stripSiteSuffix(titleText, siteNames) : (titleText ?? ''),
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
