/**
 * The headline as the page shows it to a reader, without the " | Site" or "Section - " decoration pages
 * add to their `<title>` and social title.
 */
import { rankedWith, textOf } from './json-ld.ts';
import { firstMeta } from './meta-tags.ts';
import type { Page } from './page.ts';
import { printedTexts, type PrintedText } from './printed-texts.ts';
import { squash } from './site-names.ts';
import { fold, loose, normalised, segmentNamesSite, segmentsAround, SEPARATOR, SEPARATORS, stripSiteSuffix } from './title-segments.ts';

export { stripSiteSuffix } from './title-segments.ts';

/** What a link to the home page can look like before it is resolved: "/", "./", "https://site.example/", "index.html". */
const HOME_HREF = /^(?:(?:https?:)?\/\/[^/?#]+)?(?:\.?\/)?(?:index\.\w+)?$/i;

/** A link to the site's home page, as its logo is: "/", "https://site.example", "index.html". */
export function isHomeLink(link: Element, pageUrl: string): boolean {
  const href = link.getAttribute('href')?.trim() ?? '';
  if (href === '' || !HOME_HREF.test(href)) return false;
  try {
    const url = new URL(href, pageUrl);
    return url.host === new URL(pageUrl).host && url.pathname.replace(/\/(?:index\.\w+)?$/, '') === '';
  } catch {
    return false;
  }
}

/** What the links home say: the site's name in text or in a logo's alternative text. */
function homeLinkNames(page: Page): string[] {
  // getElementsByTagName, not a[href]: attribute selectors are slow in some DOMs, and a page may hold thousands of links.
  const links = [...page.root.getElementsByTagName('a')].filter((link) => isHomeLink(link, page.pageUrl)).slice(0, 10);
  return links.flatMap((link) => [link.textContent ?? '', ...[...link.querySelectorAll('img[alt]')].map((image) => image.getAttribute('alt') ?? '')]).map(normalised).filter(Boolean);
}

/** An `<h1>` that is the site's logo: it links to the home page ("<h1><a href="/">Site</a></h1>"). */
const linksHome = (heading: Element, pageUrl: string): boolean => [...heading.getElementsByTagName('a')].some((link) => isHomeLink(link, pageUrl));

/** The page's `<h1>` texts, logos and site names aside. */
function headings(page: Page, siteNames: string[]): string[] {
  const sites = new Set(siteNames.map(squash));
  return [...page.root.getElementsByTagName('h1')]
    .slice(0, 8)
    .filter((heading) => !linksHome(heading, page.pageUrl))
    .map((heading) => normalised(heading.textContent ?? ''))
    .filter((text) => text.length >= 3 && !sites.has(squash(text)));
}

/** The page's `<title>`, also where a parser left `document.title` empty (a `<title>` outside `<head>`). */
export function documentTitle(doc: Document): string {
  const element = doc.title ? undefined : [...doc.getElementsByTagName('title')].find((title) => !title.closest('svg'));
  return normalised(doc.title || element?.textContent || '');
}

interface Declared {
  value: string;
  source: string;
}

/** The titles a page declares, most trusted first. */
function declaredTitles(page: Page): Declared[] {
  const meta = (key: string): Declared => ({ value: firstMeta(page.meta, [key])?.value ?? '', source: `meta:${key}` });
  const headline = rankedWith(page.jsonLd, 'headline')[0];
  return [
    meta('og:title'),
    { value: (headline && textOf(headline['headline'])) ?? '', source: 'json-ld:headline' },
    ...['twitter:title', 'citation_title', 'dc.title', 'dcterms.title'].map(meta),
    { value: documentTitle(page.doc), source: 'document.title' },
  ]
    .map(({ value, source }) => ({ value: normalised(value), source }))
    .filter(({ value }) => value !== '');
}

const printedSets = new WeakMap<Page, Set<string>>();

/** Whether the page prints `text` as a text of its own. */
export function isPrinted(page: Page, text: string): boolean {
  let printed = printedSets.get(page);
  if (!printed) printedSets.set(page, (printed = new Set(printedTexts(page).map((run) => loose(run.text)))));
  return printed.has(loose(text));
}

/** The longest run of `title`'s segments that the page prints as a text of its own. */
function longestPrintedRun(title: string, printed: Set<string>): string | undefined {
  const starts = [0];
  const ends: number[] = [];
  for (const match of title.matchAll(SEPARATORS)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(title.length);
  let best: string | undefined;
  for (const start of starts) {
    for (const end of ends) {
      const run = end > start ? title.slice(start, end) : '';
      if (run.length > (best?.length ?? 0) && printed.has(fold(run))) best = run;
    }
  }
  return best;
}

export interface Headline {
  value: string;
  source: string;
  /** Read off the page as shown, so no site name is left to strip. */
  asShown: boolean;
}

/**
 * The headline: an `<h1>` that a declared title holds as whole segments ("Zoll online - Fachmeldungen -
 * Verkündung…" holds the `<h1>` "Verkündung…"), else the first declared title without the segments that name
 * the site, cut to the part the page prints on its own when that is most of it.
 */
export function findHeadline(page: Page, siteNames: string[]): Headline | undefined {
  // The site's name printed in its logo is not the headline.
  const notInHomeLink = ({ parent }: PrintedText) => {
    const link = parent?.closest('a');
    return !link || !isHomeLink(link, page.pageUrl);
  };
  const declared = declaredTitles(page);
  const texts = headings(page, siteNames);
  let read: string[] | undefined;
  const logoNames = (): string[] => (read ??= homeLinkNames(page));
  for (const { value } of declared) {
    const held = texts.flatMap((text) => {
      const around = segmentsAround(value, text);
      // A heading much shorter than the title is rather a section, a kicker or a tagline, unless it opens the
      // title and what follows names the site ("Market season begins - Advent Shopping - Christmas for all senses").
      const siteFollows = around?.before === '' && around.after.split(SEPARATOR).some((part) => part && segmentNamesSite(part, siteNames, logoNames()));
      return around && (text.length * 3 >= value.length || siteFollows) ? [{ text, around }] : [];
    });
    const longest = held.sort((a, b) => b.text.length - a.text.length)[0];
    // A heading that repeats the whole title (a hidden one for screen readers) may still carry the site name.
    if (longest) return { value: longest.text, source: 'h1', asShown: !!(longest.around.before || longest.around.after) };
  }
  const first = declared[0];
  if (!first) return texts[0] ? { value: texts[0], source: 'h1', asShown: true } : undefined;
  const stripped = stripSiteSuffix(first.value, siteNames, logoNames());
  const printed = SEPARATOR.test(stripped)
    ? longestPrintedRun(stripped, new Set(printedTexts(page).filter(notInHomeLink).map(({ text }) => loose(text))))
    : undefined;
  if (printed && printed.length * 2 >= stripped.length) return { value: printed, source: 'text', asShown: true };
  return { value: stripped, source: first.source, asShown: false };
}
