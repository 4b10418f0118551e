/**
 * Author names from JSON-LD, meta tags (Highwire, Dublin Core, Parse.ly, Sailthru), rel/itemprop
 * markup and, failing those, what the page prints (bylines.ts). The site itself, a desk, an agency, a
 * company, a CMS account and a theme's credit are not authors (author-names.ts).
 */
import { cleanNames, MAX_NAME, type AuthorContext } from './author-names.ts';
import { firstLineOf, printedAuthors, printsAsByline } from './bylines.ts';
import { rankedWith, resolved, typesOf, type JsonObject } from './json-ld.ts';
import { ownElements } from './own-article.ts';
import type { Page } from './page.ts';
import { namesSite } from './site-names.ts';
import { isHandle, looksLikePersonName } from './person-names.ts';

export type { AuthorContext } from './author-names.ts';

export interface FoundAuthors {
  authors: string[];
  source: string;
}

/** An organisation credited as author is the outlet or its owner, never the writer. */
const isOrganisation = (node: JsonObject): boolean => {
  const types = typesOf(node);
  return !types.includes('Person') && types.some((type) => /Organization$|Corporation$|^NGO$|Business$|^WebSite$|^Brand$/.test(type));
};

function namesFromJsonLd(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesFromJsonLd);
  if (value && typeof value === 'object') {
    if (isOrganisation(value as JsonObject)) return [];
    const name = (value as JsonObject)['name'];
    return typeof name === 'string' ? [name] : Array.isArray(name) ? name.filter((item) => typeof item === 'string') : [];
  }
  return [];
}

/**
 * A Person credited as author who is also the site ("Wolfgang Schmale" on his own blog): a writer
 * publishing under their own name, when the JSON-LD makes them the publisher too or the page prints
 * them as the article's byline. An outlet typed as a Person ("Die Tagespresse") is neither.
 */
function writesOwnSite(page: Page, context: AuthorContext, author: unknown, publisher: unknown): boolean {
  if (!author || typeof author !== 'object' || Array.isArray(author)) return false;
  const writer = author as JsonObject;
  const name = writer['name'];
  if (!typesOf(writer).includes('Person') || typeof name !== 'string' || !looksLikePersonName(name)) return false;
  const outlet = publisher && typeof publisher === 'object' && !Array.isArray(publisher) ? (publisher as JsonObject) : {};
  const published = (writer['@id'] !== undefined && writer['@id'] === outlet['@id']) || name === outlet['name'];
  if (published) return true;
  // An organisation publishing is the outlet, and a Person of its name is the outlet again ("Lebensmittel Praxis").
  // Looking for the byline only matters when the name is the site's.
  return !isOrganisation(outlet) && namesSite(name, context.siteNames) && printsAsByline(page, name);
}

function fromJsonLd(page: Page, context: AuthorContext): string[] {
  const node = rankedWith(page.jsonLd, 'author')[0];
  if (!node) return [];
  const author = resolved(page.jsonLd, node['author']);
  const persona = writesOwnSite(page, context, author, resolved(page.jsonLd, node['publisher']));
  return cleanNames(namesFromJsonLd(author), context, { persona });
}

/**
 * Markup made to name an author: a `rel="author"` link, a vCard's or h-card's formatted name, a
 * schema.org author's name. It vouches for a first name or a handle ("Heiko", "tlow").
 */
const NAME_MARKUP = '[rel="author"], .vcard .fn, .h-card .p-name, [itemprop="author"] [itemprop="name"]';
/** An `itemprop="author"` with no name inside it holds the name as its text, and often more ("by … on …"). */
const AUTHOR_MARKUP = `${NAME_MARKUP}, [itemprop="author"]`;

/**
 * Author markup in the article, or else anywhere but comments and teasers: a blog's profile box names
 * its writer, and some CMSs wrap the whole post in a "widget".
 */
function namesInAuthorMarkup(page: Page, context: AuthorContext): string[] {
  const inArticle = namesInMarkupOf(ownElements(page, AUTHOR_MARKUP, 30), context);
  return inArticle.length ? inArticle : namesInMarkupOf(ownElements(page, AUTHOR_MARKUP, 30, { regions: false }), context);
}

function namesInMarkupOf(elements: Element[], context: AuthorContext): string[] {
  const names: string[] = [];
  for (const element of elements) {
    const text = firstLineOf(element).slice(0, MAX_NAME);
    if (element.matches(NAME_MARKUP)) names.push(...cleanNames([text], context, { vouched: true }));
    else if (!element.querySelector(NAME_MARKUP)) names.push(...cleanNames([text], context));
  }
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()].slice(0, 10);
}

const META_KEYS = ['citation_author', 'dc.creator', 'dcterms.creator', 'author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author'];

function fromMeta(page: Page, context: AuthorContext): FoundAuthors | undefined {
  for (const key of META_KEYS) {
    const names = cleanNames(page.meta.get(key) ?? [], context);
    if (names.length) return { authors: names, source: `meta:${key}` };
  }
  return undefined;
}

/** Every name of `some` is in `more`, and `more` has others too. */
function namesMore(more: string[], some: string[]): boolean {
  const keys = new Set(more.map((name) => name.toLowerCase()));
  return more.length > some.length && some.every((name) => keys.has(name.toLowerCase()));
}

/** What the page declares for machines: JSON-LD first, then meta tags. */
function declaredAuthors(page: Page, context: AuthorContext): FoundAuthors | undefined {
  const jsonLd = fromJsonLd(page, context);
  const meta = fromMeta(page, context);
  if (!jsonLd.length) return meta;
  // A JSON-LD that lists only the first of the writers the meta tags name ("April Roach" of two).
  return meta && namesMore(meta.authors, jsonLd) ? meta : { authors: jsonLd, source: 'json-ld:author' };
}

/** The printed byline when it names every declared writer and more: co-authors the JSON-LD left out. */
function withPrintedCoauthors(page: Page, context: AuthorContext, declared: FoundAuthors): FoundAuthors {
  const printed = printedAuthors(page, context, { quick: true });
  return printed && printed.authors.every(looksLikePersonName) && namesMore(printed.authors, declared.authors) ? printed : declared;
}

export function findAuthors(page: Page, context: AuthorContext): FoundAuthors | undefined {
  const declared = declaredAuthors(page, context);
  // A login declared for machines ("gabor_munier") gives way to the name the page prints.
  if (declared && !declared.authors.every(isHandle)) return withPrintedCoauthors(page, context, declared);
  const fromMarkup = namesInAuthorMarkup(page, context);
  if (fromMarkup.length) return { authors: fromMarkup, source: 'markup:author' };
  const printed = printedAuthors(page, context);
  // A declared login gives way only to a person's name, not to "Zum Profil von jesusfreak".
  return printed && (!declared || printed.authors.every(looksLikePersonName)) ? printed : declared;
}
