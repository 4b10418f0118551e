/** The page's canonical URL: its declared `<link rel=canonical>` or og:url when trustworthy, else the page URL. */
import { canonicalizeUrl, hostnameOf, isHttpUrl, registrableDomain } from '../../core/url.ts';
import type { Page } from './page.ts';

export interface FoundUrl {
  url: string;
  source: string;
}

function resolve(href: string, base: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

/**
 * A declared URL is accepted when it is http(s), on the same site as the page, and not a
 * bare home page standing in for an article (a common CMS misconfiguration).
 */
function trustworthy(candidate: string, pageUrl: string): boolean {
  if (!isHttpUrl(candidate)) return false;
  const candidateHost = hostnameOf(candidate);
  const pageHost = hostnameOf(pageUrl);
  if (!candidateHost || !pageHost || registrableDomain(candidateHost) !== registrableDomain(pageHost)) return false;
  const isHome = (url: string) => new URL(url).pathname.replace(/\/+$/, '') === '' && new URL(url).search === '';
  return !isHome(candidate) || isHome(pageUrl);
}

export function findCanonicalUrl(page: Page): FoundUrl {
  const declared: [string | null | undefined, string][] = [
    [page.doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href'), 'link[rel=canonical]'],
    [page.meta.get('og:url')?.[0], 'meta:og:url'],
  ];
  for (const [href, source] of declared) {
    const url = href ? resolve(href, page.pageUrl) : undefined;
    if (url && trustworthy(url, page.pageUrl)) return { url: canonicalizeUrl(url), source };
  }
  return { url: canonicalizeUrl(page.pageUrl), source: 'page' };
}
