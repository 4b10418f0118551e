/** The page's canonical URL: its declared `<link rel=canonical>` or og:url when trustworthy, else the page URL. */
import { canonicalizeUrl, hostnameOf, isHttpUrl } from '../../core/url.ts';
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
 * The same host, or one host inside the other once a leading `www.` is dropped (m.example.com and
 * www.example.com; amp.example.com and example.com). Sibling hosts are refused: without the Public
 * Suffix List (too large for a content script) attacker.github.io and victim.github.io look alike.
 * The worker re-checks with the list (src/core/site.ts) against the tab's real address.
 */
export function isSameOrParentHost(a: string, b: string): boolean {
  const [shortA, shortB] = [a, b].map((host) => host.replace(/^www\./, ''));
  return shortA === shortB || shortA!.endsWith(`.${shortB}`) || shortB!.endsWith(`.${shortA}`);
}

/**
 * A declared URL is accepted when it is http(s), on the page's own host or a parent of it, and not a
 * bare home page standing in for an article (a common CMS misconfiguration).
 */
function trustworthy(candidate: string, pageUrl: string): boolean {
  if (!isHttpUrl(candidate)) return false;
  const candidateHost = hostnameOf(candidate);
  const pageHost = hostnameOf(pageUrl);
  if (!candidateHost || !pageHost || !isSameOrParentHost(candidateHost, pageHost)) return false;
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
