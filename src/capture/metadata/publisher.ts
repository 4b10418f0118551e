/**
 * The outlet's name as it presents itself: declared names first (og:site_name, JSON-LD publisher), then
 * what the page shows of itself (its title beside the headline, its logo, its copyright line).
 */
import { registrableDomain } from '../../core/url.ts';
import { decodeEntities } from './entities.ts';
import { firstField, mapField, type Field } from './field.ts';
import { rankedWith, resolved, textOf, typesOf, type JsonObject } from './json-ld.ts';
import { firstMeta } from './meta-tags.ts';
import type { Page } from './page.ts';
import { copyrightHolders, logoName, spelledAsShown } from './shown-names.ts';
import { asHostLabel, hostMatch, namesHost, squash } from './site-names.ts';
import { SEPARATOR, segmentsAround } from './title-segments.ts';
import { documentTitle, isPrinted } from './title.ts';

/** A URL or host is never a publisher's name: "https://www.fr.de", "www.kas.de", "tdg.ch/". */
const URL_LIKE = /^(?:https?:\/\/|www\.)|\/$/i;

/** "wdr.de" as the JSON-LD publisher: the host written out, where the page may show a proper name. */
const isBareDomain = (name: string, host: string): boolean => name === registrableDomain(host) || name === host;

interface TitleParts {
  before: string[];
  after: string[];
  /** The headline the parts were split at is printed on the page or declared as the social title. */
  confirmed: boolean;
}

/** The title's parts beside the headline, the outermost first: ["Site", "Section"] of "Site - Section - Headline". */
function titleParts(page: Page, headline: string | undefined): TitleParts | undefined {
  const title = documentTitle(page.doc);
  const socialTitle = firstMeta(page.meta, ['og:title'])?.value;
  const split = (text: string) => (text ? text.split(SEPARATOR) : []);
  for (const candidate of [headline, socialTitle]) {
    const around = candidate ? segmentsAround(title, decodeEntities(candidate).replace(/\s+/g, ' ').trim()) : undefined;
    if (!around || !(around.before || around.after)) continue;
    const confirmed = candidate === socialTitle || isPrinted(page, candidate!);
    return { before: split(around.before), after: split(around.after).reverse(), confirmed };
  }
  return undefined;
}

/**
 * The site name a title adds beside the page's own headline: "Headline – Site", "Site - Section - Headline",
 * "Headline | Site.de - Sport - Fußball". The part that names the host wins. Without one, and only beside a
 * headline the page confirms: an outermost part that holds the host's name ("EFC Bayrische Bembel Regensburg"),
 * a lone part after the headline, or the first of several before it ("Blog - Headline" is rather a section).
 */
function titleSite(page: Page, headline: string | undefined, host: string): string | undefined {
  const parts = titleParts(page, headline);
  if (!parts) return undefined;
  const naming = [...parts.after, ...parts.before].find((part) => namesHost(part, host));
  if (naming || !parts.confirmed) return naming;
  const outermost = [parts.after[0], parts.before[0]].find((part) => part && hostMatch(part, host) > 0);
  if (outermost) return outermost;
  if (parts.after.length === 1) return parts.after[0];
  return parts.after.length === 0 && parts.before.length > 1 ? parts.before[0] : undefined;
}

/**
 * "Kinder und Arbeit » ProNATs e.V." on pronats.de: the title's last part, when it is the host's name
 * (a legal form aside), not a product or an issue named after it ("Parallels Desktop 15 for Mac").
 */
function titleEndNamingHost(page: Page, host: string): string | undefined {
  const last = documentTitle(page.doc).split(SEPARATOR).slice(1).pop();
  return last && namesHost(last, host) ? last : undefined;
}

/** The JSON-LD publisher's name, and whether it is a person (a blogger publishing their own site). */
export function publisherOfJsonLd(page: Page): (Field & { person: boolean }) | undefined {
  for (const node of rankedWith(page.jsonLd, 'publisher')) {
    const publisher = resolved(page.jsonLd, node['publisher']);
    const value = textOf(publisher);
    const types = publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? typesOf(publisher as JsonObject) : [];
    if (value) return { value, source: 'json-ld:publisher', person: types.includes('Person') };
  }
  return undefined;
}

/** The name of the page's own WebSite or Organization node, when no article names its publisher. */
function siteNodeName(page: Page): string | undefined {
  const site = page.jsonLd.nodes.find(({ node, depth }) => depth === 0 && typesOf(node).some((type) => /^(?:WebSite|\w*Organization|Corporation)$/.test(type)));
  return site && textOf(site.node['name']);
}

/**
 * "Bernau LIVE - Dein Stadtportal", "Infoportal - Diakonie Deutschland", "www.leichtathletik.de | Das
 * Portal": a site name with a tagline is cut to the part that names the host, when one does.
 */
function withoutTagline(name: string, host: string): string {
  const parts = name.split(/\s+(?:[|–—·•:]|-{1,2})\s+/);
  if (parts.length < 2) return name;
  const hostName = asHostLabel(registrableDomain(host).replace(/\.[^.]+$/, ''));
  const naming = parts.map((part) => part.replace(/^www\./i, '')).find((part) => hostName.length > 2 && asHostLabel(part).includes(hostName));
  return naming ?? name;
}

const PUBLISHER_TAGS = ['citation_publisher', 'citation_journal_title', 'dc.publisher', 'dcterms.publisher', 'application-name'];

/** "pcgamer" is "PC Gamer" written as a handle: no capital, no space. */
const isHandle = (name: string): boolean => !/[\p{Lu}\s]/u.test(name);

export function findPublisher(page: Page, title: string | undefined, host: string): Field | undefined {
  const usable = (found: Field | undefined): Field | undefined => {
    if (!found) return undefined;
    let value = withoutTagline(decodeEntities(found.value).replace(/\s+/g, ' ').trim(), host);
    // A site name that repeats the page title: "Land zahlte … | MLUK".
    if (title && value.startsWith(title)) value = value.slice(title.length).replace(/^\s*(?:[|–—·•«»›‹:/-])\s*/, '');
    return value && !URL_LIKE.test(value) && value !== title ? { value, source: found.source } : undefined;
  };
  let read: string[] | undefined;
  const holders = (): string[] => (read ??= copyrightHolders(page));
  const logo = (): Field | undefined => {
    const found = usable(mapField(logoName(page), 'logo'));
    return found && { ...found, value: spelledAsShown(found.value, page, holders(), host) };
  };
  const candidates = [
    () => usable(mapField(titleSite(page, title, host), 'title')),
    () => usable(mapField(titleEndNamingHost(page, host), 'title')),
    () => usable(mapField(siteNodeName(page), 'json-ld:site')),
    logo,
    () => usable(mapField(holders().find((holder) => namesHost(holder, host)), 'copyright')),
  ];
  // What the page shows of itself: the name closest to the host's, wherever it is shown, then the most trusted one.
  const shown = (): Field | undefined => {
    const found = candidates.map((candidate) => candidate()).filter((field): field is Field => !!field?.value.trim());
    const best = Math.max(0, ...found.map((field) => hostMatch(field.value, host)));
    return found.find((field) => hostMatch(field.value, host) === best);
  };
  const declared = firstField(
    // The brand the site shows before the JSON-LD publisher, often the legal company ("Tamedia AG"), unless
    // only the JSON-LD one names the host: og:site_name then holds a section ("U.S." on a news agency's site).
    () => {
      const siteName = usable(mapField(firstMeta(page.meta, ['og:site_name'])?.value, 'meta:og:site_name'));
      const jsonLd = usable(publisherOfJsonLd(page));
      if (!siteName || !jsonLd) return siteName;
      if (squash(siteName.value) === squash(jsonLd.value) && isHandle(siteName.value)) return jsonLd;
      return namesHost(jsonLd.value, host) && !namesHost(siteName.value, host) ? jsonLd : siteName;
    },
    () => usable(publisherOfJsonLd(page)),
    () => {
      const tags = PUBLISHER_TAGS.map((key) => usable(mapField(page.meta.get(key)?.[0], `meta:${key}`))).filter((found) => !!found);
      // Where the tags disagree ("Nature Publishing Group", "Nature"), the name the page also shows wins.
      const shownName = tags.length > 1 ? shown() : undefined;
      return tags.find((found) => shownName && squash(found.value) === squash(shownName.value)) ?? tags[0];
    },
  );
  if (!declared) return shown();
  if (!isBareDomain(declared.value, host)) return declared;
  const proper = shown();
  return proper && namesHost(proper.value, host) ? proper : declared;
}
