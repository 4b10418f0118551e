/**
 * The worker's last word on what a page sent before it is stored: strings the archive refuses (NUL,
 * lone surrogates) are stripped, titles lose the bidi controls that make "gpj.exe" read as "exe.jpg",
 * and the canonical URL is re-checked against the address the browser reports, by the Public Suffix List.
 */
import type { PageCapture } from '../core/capture.ts';
import type { SourceMetadata } from '../core/draft.ts';
import { isSameSite } from '../core/site.ts';
import { canonicalizeUrl, isHttpUrl } from '../core/url.ts';

// Controls other than tab, line feed and carriage return, and UTF-16 halves without their partner.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Embeddings, overrides and isolates: in a one-line field they only ever disguise the text.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '');
}

export function plainLine(text: string): string {
  return storableText(text).replace(BIDI_CONTROLS, '');
}

function deepClean<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(deepClean) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [storableText(key), deepClean(inner)])) as T;
  return value;
}

/**
 * `realUrl` is the page's address as the browser reports it (the sender's or the tab's URL). The page's
 * declared canonical URL is kept only on the same site; otherwise the draft cites the real address.
 */
export function withTrustedUrls(metadata: SourceMetadata, realUrl: string): SourceMetadata {
  const declared = metadata.url;
  const keep = isHttpUrl(declared) && isSameSite(declared, realUrl);
  return {
    ...metadata,
    originalUrl: realUrl,
    url: canonicalizeUrl(keep ? declared : realUrl),
    provenance: keep ? metadata.provenance : { ...metadata.provenance, url: 'page' },
  };
}

export function trustedCapture(capture: PageCapture, realUrl: string): PageCapture {
  const clean = deepClean(capture);
  const metadata = {
    ...clean.metadata,
    title: plainLine(clean.metadata.title),
    authors: clean.metadata.authors.map(plainLine),
    ...(clean.metadata.publisher === undefined ? {} : { publisher: plainLine(clean.metadata.publisher) }),
  };
  return { ...clean, metadata: withTrustedUrls(metadata, realUrl) };
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Chrome shortens the selection text it passes with a menu click; past this length only a prefix can be compared. */
const MENU_SELECTION_SHORTENED_AT = 1_000;

/** Whether the quote the page handed over is the selection the browser saw when the menu was clicked. */
export function matchesMenuSelection(quote: string, menuSelection: string): boolean {
  const [seen, taken] = [normalised(menuSelection), normalised(quote)];
  return seen === taken || (seen.length >= MENU_SELECTION_SHORTENED_AT && taken.startsWith(seen));
}
