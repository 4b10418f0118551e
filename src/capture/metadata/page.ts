/** What every field extractor reads from: the page, parsed once. */
import { dateBounds, type DateBounds } from './dates/day.ts';
import type { DayOrder } from './dates/text-dates.ts';
import { readJsonLd, type JsonLd } from './json-ld.ts';
import { readMetaTags, type MetaTags } from './meta-tags.ts';

export interface ExtractOptions {
  /** Dates after this instant are rejected as implausible. Default: the current time. */
  now?: Date;
}

export interface Page {
  doc: Document;
  pageUrl: string;
  meta: MetaTags;
  jsonLd: JsonLd;
  bounds: DateBounds;
  /** The page's declared language, lower-case, e.g. `en-us`; empty when undeclared. */
  lang: string;
  dayOrder: DayOrder;
  /** The body, or the whole document when a parser left the body empty (pages without a `<body>` tag). */
  root: Element;
}

/** Month-first numeric dates (03/04/2024 = March 4) are a US habit; most of the world writes the day first. */
function dayOrderFor(lang: string): DayOrder {
  if (lang === '' || lang === 'en' || lang === 'en-us') return 'month-first';
  return 'day-first';
}

/**
 * Output before `<!DOCTYPE>` (PHP warnings, stray `<br>`) makes some parsers put the first stray
 * element at the top and leave the body empty; a browser would still build `<html><body>`.
 */
function rootOf(doc: Document): { html: Element; root: Element } {
  const html = doc.querySelector('html') ?? doc.documentElement;
  const body = doc.body?.firstElementChild ? doc.body : html.querySelector('body');
  return { html, root: body?.firstElementChild ? body : html };
}

export function readPage(doc: Document, pageUrl: string, options: ExtractOptions = {}): Page {
  const meta = readMetaTags(doc);
  const { html, root } = rootOf(doc);
  const lang = (
    html.getAttribute('lang') ??
    html.getAttribute('xml:lang') ??
    meta.get('content-language')?.[0] ??
    meta.get('og:locale')?.[0] ??
    ''
  )
    .trim()
    .replace(/_/g, '-')
    .toLowerCase();
  return {
    doc,
    pageUrl,
    meta,
    jsonLd: readJsonLd(doc),
    bounds: dateBounds(options.now ?? new Date()),
    lang,
    dayOrder: dayOrderFor(lang),
    root,
  };
}
