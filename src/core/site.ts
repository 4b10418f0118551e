/**
 * Which site a URL belongs to, by the Public Suffix List with its private section (github.io,
 * azurewebsites.net, blogspot.com…), so two tenants of one shared host are two sites. Used by the worker
 * for every decision that trusts a page's claim about another URL. Too large (about 50 KB gzipped) for
 * the content scripts, which use the stricter, list-free `isSameOrParentHost` in capture/metadata/canonical.ts.
 */
import { getDomain } from 'tldts';

/** The registrable domain of `url` ("eTLD+1"), or its bare hostname for IPs, localhost and public suffixes. */
export function siteOf(url: string): string | undefined {
  let hostname: string;
  try {
    hostname = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (!hostname) return undefined;
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname;
}

export function isSameSite(a: string, b: string): boolean {
  const siteA = siteOf(a);
  return siteA !== undefined && siteA === siteOf(b);
}
