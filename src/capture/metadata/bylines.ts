/**
 * Author names printed on the page rather than declared: a byline element ("By Emily Burack"), an
 * author element holding only a name ("Sandra Arm"), a plain line that credits someone ("Von Jennifer
 * Patt", "By Urs Gehriger and Florian Schwab"), and, last, a title that reads "Headline by Name".
 * Teasers, related articles and comments are not this page's bylines.
 */
import { cleanNames, CREDIT_WORDS, NAME_SEPARATOR, type AuthorContext } from './author-names.ts';
import { headlineOf } from './dates/regions.ts';
import { firstMeta } from './meta-tags.ts';
import { ownCreditTest, ownElements } from './own-article.ts';
import type { Page } from './page.ts';
import { isAgency, looksLikePersonName } from './person-names.ts';
import { namesSite, squash } from './site-names.ts';

const BYLINE_ELEMENTS = 'byline, [class*="byline" i], [class*="author" i], [class*="autor" i], [class*="post-meta" i], [class*="entry-meta" i]';
const BYLINE_WORD = /(?:^|\s)(?:by|von|par|por|door|written by|recueilli par)\s+(.{2,120})/i;
/**
 * A line that starts with the credit: "Von Jennifer Patt", "By Urs Gehriger and Florian Schwab",
 * "Geschrieben von Cooper", "Author: Gàbor Muniér".
 */
const CREDIT_OPENING =
  '(?:(?:(?:ein|an?)\\s+(?:artikel|beitrag|text|article|story|post)\\s+|(?:geschrieben|verfasst|erstellt|eingestellt|written|posted)\\s+)?(?:by|von|par|por|door|di)|(?:author|autor|autorin|auteur|autore|text)\\s*:)';
const CREDIT_LINE = new RegExp(`^${CREDIT_OPENING}\\s+(.{2,100})$`, 'i');
/** "By", "Von", "Ein Artikel von", "An article by": how a credit line starts. */
const CREDIT_START = new RegExp(`^${CREDIT_OPENING}(?:\\s|$)`, 'i');
/** What follows the names in a byline: a date, a time, a separator, a job title on the next line. */
const AFTER_NAMES = /\s(?:\d|[|•·–—]|-\s|am\s|le\s|on\s|in\s)|(?:\s|(?<=\p{Ll}))(?:published|veröffentlicht|aktualisiert|updated)|,\s*(?:datum|date)(?!\p{L})/iu;
/** A date right after the name: "Christian am 03.05.2013", "Cooper, 25.08.2015", "Jane | 3 May 2020". */
const DATED = /^[\s,|•·–—-]*(?:(?:am|on|le|el|il|op|vom|du)\s+)?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:\.|st|nd|rd|th)?\s+\p{L}{3,}\.?\s+\d{4})/iu;
/** Elements a plain credit line is printed in. */
const LINE_ELEMENTS = new Set(['p', 'div', 'span', 'i', 'em', 'b', 'strong', 'small', 'address', 'li', 'h4', 'h5', 'h6', 'font', 'td']);
/** Enough for any article page; bounds the work on a huge one. */
const MAX_ELEMENTS = 10_000;

const textOf = (element: Element): string => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Elements that start a line of their own, as a browser lays them out. */
const BLOCKS = new Set(['br', 'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'section', 'header', 'footer', 'table', 'tr', 'blockquote']);

/**
 * The element's text in the lines a reader sees: "By ANDREW DALTON<br>AP Entertainment Writer" is two
 * lines, "By\n  <a>Jane Roe</a>" in the source is one.
 */
function linesOf(node: Node): string {
  if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1) return '';
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) text += linesOf(child);
  return BLOCKS.has((node as Element).tagName.toLowerCase()) ? `\n${text}\n` : text;
}

const creditTextOf = (element: Element): string => linesOf(element).replace(/ *\n[\s]*/g, '\n').trim();

/** The first line a reader sees in the element: "Ursula Baatz" of `<a><h2>Ursula Baatz</h2><p>Publizistin</p></a>`. */
export const firstLineOf = (element: Element): string => creditTextOf(element).split('\n')[0]!;

/**
 * The names credited, up to the outlet or agency: in "Nada Tawfik, BBC News, New York" what follows
 * the outlet is the dateline's place.
 */
function creditedNames(credit: string, context: AuthorContext): string[] {
  const parts = credit.split(AFTER_NAMES)[0]!.split(NAME_SEPARATOR);
  const outlet = parts.findIndex((part) => namesSite(part, context.siteNames) || isAgency(part));
  return cleanNames(outlet < 0 ? parts : parts.slice(0, outlet + 1), context);
}

/** "By Emily Burack 8 January 2020", "von Daniel Braun, Davor Pasoski" in a byline element. */
function creditedInBylineElements(elements: Element[], context: AuthorContext): string[] {
  for (const element of elements) {
    // The credit ends at a line break: below it comes a job title or the agency, not more names.
    const credit = BYLINE_WORD.exec(creditTextOf(element).slice(0, 200))?.[1];
    const names = credit ? creditedNames(credit, context) : [];
    if (names.length) return names;
  }
  return [];
}

/**
 * `<p class="author">Sandra Arm</p>`, `<p class="date-author">Janic Cathomen, 01.12.2021</p>`: an
 * author element that holds a person's name and nothing else, but perhaps the date.
 */
function nameOnlyAuthorElements(elements: Element[], context: AuthorContext): string[] {
  for (const element of elements) {
    const text = textOf(element);
    if (text.length > 100) continue;
    // "Janic Cathomen, 01.12.2021": the date after a separator; "CBS News February 27" is no name and a date.
    const parts = text.split(/[,|•·–—]\s*(?=\d)|\s(?:am|on|le)\s(?=\d)/)[0]!.trim().split(NAME_SEPARATOR);
    if (!parts.every(looksLikePersonName)) continue;
    const names = cleanNames(parts, context);
    if (names.length) return names;
  }
  return [];
}

/** The icons a theme prints before the author's name: a person, a pen (Font Awesome, Glyphicons, Bootstrap Icons). */
const AUTHOR_ICON = /(?:^|\s)(?:fa|icon|glyphicon|bi)-(?:user|pencil|pen|feather|person)(?:\s|$|-)/i;

const RANK = /(?<!\p{L})(?:writer|editor|reporter|author|member|user|moderator|admin)(?!\p{L})/iu;

/** `<i class="fa fa-pencil"></i> <span>Solveig Grewe</span>`: a person's name right after an author icon. */
function namesAfterAuthorIcons(page: Page, context: AuthorContext): string[] {
  // Icons are `<i>`s; a tag is quick to find on a huge page where a list of class patterns is not.
  const icons = [...page.root.querySelectorAll('i')].filter((icon) => AUTHOR_ICON.test(icon.getAttribute('class') ?? '')).slice(0, 20);
  const isOwn = ownCreditTest(page);
  for (const icon of icons.filter(isOwn)) {
    const holder = icon.parentElement;
    const text = holder && textOf(holder).replace(textOf(icon), '').trim();
    const names = text && text.length <= 100 ? text.split(NAME_SEPARATOR) : [];
    // A rank printed after a user icon ("Intermediate Writer") is no name either.
    if (names.length && names.every((name) => looksLikePersonName(name) && !RANK.test(name))) return cleanNames(names, context);
  }
  return [];
}

/** A link to the site's page of one author: "/author/freeman1984/". */
const AUTHOR_PAGE_LINK = 'a[href*="/author/" i], a[href*="/authors/" i], a[href*="/autor/" i], a[href*="/autoren/" i]';

/** The path's last part names the author: "/author/matthias/" for "Matthias". */
function linksToOwnPage(link: Element, name: string): boolean {
  const slug = /\/(?:author|authors|autor|autoren)\/([^/?#]+)\/?(?:[?#]|$)/i.exec(link.getAttribute('href') ?? '')?.[1];
  if (slug === undefined) return false;
  try {
    return squash(decodeURIComponent(slug)) === squash(name);
  } catch {
    return false; // a malformed escape in the address names nobody
  }
}

/**
 * "Matthias", "freeman1984": a first name or a handle that the page links to that author's own page.
 * The link vouches for it where a lone word would otherwise be a label or a menu item.
 */
function namesLinkedToAuthorPages(page: Page, context: AuthorContext): string[] {
  for (const link of ownElements(page, AUTHOR_PAGE_LINK, 30)) {
    const text = textOf(link);
    const names = linksToOwnPage(link, text) ? cleanNames([text], context, { vouched: true }) : [];
    if (names.length) return names;
  }
  return [];
}

/** Whether the element's own text, before any child element, starts with a credit word. */
function startsWithCredit(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) return false;
    const text = (node.textContent ?? '').trim();
    if (node.nodeType === 3 && text) return CREDIT_START.test(text);
  }
  return false;
}

/** A credit right under a sub-heading inside the text credits that section ("A city upended"), not the page. */
function followsSubheading(line: Element, headline: Element | null): boolean {
  for (let element: Element | null = line; element && element !== element.ownerDocument.body; element = element.parentElement) {
    const before = element.previousElementSibling;
    if (before) return before !== headline && /^H[2-4]$/i.test(before.tagName);
  }
  return false;
}

/**
 * "Von Christian am 03.05.2013", "Geschrieben von <a>Cooper</a>": one word credited, dated or linked
 * (to the writer's page), is a first name or a pen name, not the start of a sentence ("By Design").
 */
function isSoleCredit(line: Element, credit: string, name: string): boolean {
  const at = credit.indexOf(name);
  if (at >= 0 && /^\p{Lu}/u.test(name) && DATED.test(credit.slice(at + name.length))) return true;
  return [...line.querySelectorAll('a[href]')].some((link) => textOf(link) === name);
}

/** "Von Jennifer Patt" in an `<i>`, "By Urs Gehriger and Florian Schwab" in a `<div>`: a line that only credits people. */
function plainCreditLines(page: Page, context: AuthorContext): string[] {
  // One walk over all elements: a long selector list is slow to match in linkedom.
  const lines = [...page.root.querySelectorAll('*')]
    .slice(0, MAX_ELEMENTS)
    .filter((element) => LINE_ELEMENTS.has(element.tagName.toLowerCase()) && startsWithCredit(element));
  const headline = headlineOf(page.root);
  const isOwn = ownCreditTest(page);
  for (const line of lines) {
    if (!isOwn(line) || followsSubheading(line, headline)) continue;
    // The credit is the line's first: below a `<br>` comes the place or a job title.
    const credit = CREDIT_LINE.exec(firstLineOf(line))?.[1];
    if (!credit) continue;
    // Every name a person's, an agency beside them allowed: "By 2030 the plan…" is a sentence.
    const names = creditedNames(credit, context);
    if (names.length && (names.every(looksLikePersonName) || (names.length === 1 && isSoleCredit(line, credit, names[0]!)))) return names;
  }
  return [];
}

/** "Spring in China von Alexey Kruglov – Foto 26034451 / 500px": the title names the headline's creator. */
function creditedInTitle(page: Page, context: AuthorContext): string[] {
  const title = page.doc.title.replace(/\s+/g, ' ').trim();
  const headline = (firstMeta(page.meta, ['og:title', 'twitter:title'])?.value ?? textOf(headlineOf(page.root) ?? page.root)).trim();
  if (headline.length < 3 || !title.startsWith(headline)) return [];
  const credit = /^\s+(?:by|von|par|di|door)\s+(.+?)(?:\s+(?:[|–—·•:]|-{1,2}|on|auf|sur)\s+.*)?$/i.exec(title.slice(headline.length))?.[1];
  const names = credit ? cleanNames(credit.split(NAME_SEPARATOR), context) : [];
  return names.every(looksLikePersonName) ? names : [];
}

/** Whether an author element of the article prints this name and nothing else ("Von: Wolfgang Schmale"). */
export function printsAsByline(page: Page, name: string): boolean {
  return ownElements(page, BYLINE_ELEMENTS, 30).some((element) => squash(textOf(element).replace(CREDIT_WORDS, '')) === squash(name));
}

export interface PrintedAuthors {
  authors: string[];
  source: string;
}

/** The ways a page prints its authors, best first; `quick` keeps to the byline elements alone. */
export function printedAuthors(page: Page, context: AuthorContext, { quick = false } = {}): PrintedAuthors | undefined {
  const bylineElements = ownElements(page, BYLINE_ELEMENTS, 30);
  const ways: [string, () => string[]][] = [
    ['markup:byline', () => creditedInBylineElements(bylineElements, context)],
    ['text:credit-line', () => (quick ? [] : plainCreditLines(page, context))],
    ['markup:author-name', () => nameOnlyAuthorElements(bylineElements, context)],
    ['markup:author-page', () => (quick ? [] : namesLinkedToAuthorPages(page, context))],
    ['markup:author-icon', () => (quick ? [] : namesAfterAuthorIcons(page, context))],
    ['title:credit', () => (quick ? [] : creditedInTitle(page, context))],
  ];
  for (const [source, find] of ways) {
    const authors = find();
    if (authors.length) return { authors, source };
  }
  return undefined;
}
