/** Dates read from the page's visible markup when it carries no machine-readable date. */
import type { Page } from '../page.ts';
import { headlineOf, inForeignRegion } from './regions.ts';
import { findTextDates, type TextDate } from './text-dates.ts';

export interface DomDate {
  day: string;
  source: string;
}

const DATE_BEARING =
  '[class*="date" i], [id*="date" i], [class*="publish" i], [class*="posted" i], [class*="byline" i], ' +
  '[class*="datum" i], [class*="fecha" i], [class*="dateline" i], [class*="time" i], [class*="meta" i]';
const NOT_PUBLICATION = /modif|updat|comment|aktualisiert|footer|copyright|event|archive|calendar|widget|sidebar|related/i;
const MAX_ELEMENTS = 150;

/** Dates a forum prints about the reader's visit or a member, not about the page: "Aktuelle Zeit: …", "It is currently Mon …", "Registered: …". */
const NOT_PUBLISHED_BEFORE =
  /(?:aktuelle zeit|current time|it is currently|registriert|registered|joined|mitglied seit|member since|inscrit le|inscrito)\W{0,3}(?:\p{L}{2,10}\.?,?)?$/iu;

const HEAD_CHARS = 250;

/** The first date in `text` that is not labelled as the visit's time or a member's registration. */
function firstPublicationDate(page: Page, text: string): TextDate | undefined {
  return findTextDates(text, page.bounds, page.dayOrder, 5).find(
    (found) => !NOT_PUBLISHED_BEFORE.test(text.slice(Math.max(0, found.index - 30), found.index).trimEnd()),
  );
}

/** The first element whose class or id says it holds a date and whose own text contains one. */
export function dateFromDateBearingElement(page: Page): DomDate | undefined {
  let examined = 0;
  const headline = headlineOf(page.root);
  for (const element of page.root.querySelectorAll(DATE_BEARING)) {
    if (++examined > MAX_ELEMENTS) break;
    const label = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (NOT_PUBLICATION.test(label) || inForeignRegion(element, headline)) continue;
    const text = (element.textContent ?? '').slice(0, HEAD_CHARS);
    const found = firstPublicationDate(page, text);
    if (found) return { day: found.day, source: `class:${label.trim().split(/\s+/)[0]}` };
  }
  return undefined;
}

const PUBLISH_WORDS =
  /(?<!\p{L})(?:published|posted|released|publication date|veröffentlicht|erschienen|erstellt|publié|publicado|pubblicato|gepubliceerd|geplaatst)(?!\p{L})/giu;

/** A date right after one of `words` in the page text: "published 3 March 2024", "veröffentlicht am …". */
function dateAfterWord(page: Page, text: string, words: RegExp, source: string): DomDate | undefined {
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const found = findTextDates(after, page.bounds, page.dayOrder, 1)[0];
    if (found && found.index < 25) return { day: found.day, source };
  }
  return undefined;
}

export function dateAfterPublishWord(page: Page, text: string): DomDate | undefined {
  return dateAfterWord(page, text, PUBLISH_WORDS, 'text:published');
}

const CHANGE_WORDS =
  /(?<!\p{L})(?:last (?:modified|edited|updated|changed)|updated|aktualisiert|zuletzt|letzte änderung|stand:|mis à jour|dernière mise à jour|actualizado|última actualización|aggiornato|ultimo aggiornamento|bijgewerkt)(?!\p{L})/giu;

/**
 * "Last modified on 4 November 2020", "Letzte Änderung: 14.01.2022": on a page that says when it
 * was last changed and never when it was published (wikis, reference and landing pages), that
 * statement dates the page better than the first date of its running text, usually an event's.
 */
export function dateAfterChangeWord(page: Page, text: string): DomDate | undefined {
  return dateAfterWord(page, text, CHANGE_WORDS, 'text:last-changed');
}

/** The first date in the article's text: a last resort, right far more often than not on article pages. */
export function firstTextDate(page: Page, text: string): DomDate | undefined {
  const found = firstPublicationDate(page, text);
  return found && { day: found.day, source: 'text' };
}

const NEAR_HEADLINE_CHARS = 600;

/** Blocks beside the dateline whose dates are about something else: a photo, a sidebar, a quote. */
const NOT_DATELINE = new Set(['FIGURE', 'FIGCAPTION', 'ASIDE', 'BLOCKQUOTE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The scope's text without captions and asides, and where the headline sits in it. */
function textAroundHeadline(scope: Element, headline: Element): { text: string; start: number; end: number } {
  let text = '';
  let start = -1;
  let end = -1;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && text.length < NEAR_HEADLINE_CHARS * 2; child = child.nextSibling) {
      if (child === headline) start = text.length;
      if (child.nodeType === TEXT_NODE) text += `${child.nodeValue ?? ''} `;
      else if (child.nodeType === ELEMENT_NODE && !NOT_DATELINE.has((child as Element).tagName.toUpperCase())) walk(child);
      if (child === headline) end = text.length;
    }
  };
  walk(scope);
  return { text, start: Math.max(0, start), end: Math.max(0, end) };
}

/**
 * The date printed next to the headline ("Posted 3 March 2024" above or below the `<h1>`), in the
 * text of the headline's nearest ancestor whose text is still short, so sidebars stay out. Of several,
 * the one nearest the headline wins; captions, asides and quotes do not count.
 */
export function dateNearHeadline(page: Page): DomDate | undefined {
  const headline = page.root.querySelector('h1');
  if (!headline) return undefined;
  let scope: Element | null = headline.parentElement;
  let chosen: Element | null = null;
  for (let level = 0; scope && level < 3; level++, scope = scope.parentElement) {
    if ((scope.textContent ?? '').length > NEAR_HEADLINE_CHARS && chosen) break;
    chosen = scope;
  }
  if (!chosen) return undefined;
  const { text, start, end } = textAroundHeadline(chosen, headline);
  const distance = ({ index }: TextDate) => (index >= end ? index - end : index < start ? start - index : 0);
  const candidates = findTextDates(text, page.bounds, page.dayOrder, 10).filter(
    (found) => !NOT_PUBLISHED_BEFORE.test(text.slice(Math.max(0, found.index - 30), found.index).trimEnd()),
  );
  const nearest = candidates.reduce<TextDate | undefined>((best, found) => (!best || distance(found) < distance(best) ? found : best), undefined);
  return nearest && { day: nearest.day, source: 'text:near-headline' };
}
