/** URL canonicalisation: pure string logic, no DOM, usable everywhere. */

const TRACKING_PARAM_NAMES = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'ref_src', 'ref_url', 'mkt_tok', 'spm', 'scid', 's_cid', 'icid', 'cmpid', 'ncid', 'ocid',
  'sr_share', 'smid', 'rb_clickid', 'vero_id', 'vero_conv', 'oly_enc_id', 'oly_anon_id', 'wickedid', '_ga', '_gl',
  '_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp', 'hsctatracking', 'cvid',
]);
const TRACKING_PARAM_PREFIXES = ['utm_', 'mc_', 'pk_', 'mtm_', 'ga_', 'hmb_', 'at_'];

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAM_NAMES.has(key) || TRACKING_PARAM_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/** Single-page apps route with `#/path` or `#!path`: such fragments name the page and are kept. */
function isRouteFragment(hash: string): boolean {
  return hash.startsWith('#/') || hash.startsWith('#!');
}

/**
 * The URL without tracking parameters and without its fragment (route fragments excepted).
 * Host case and default ports are normalised by the URL parser; the order of the remaining
 * parameters is kept because some sites give it meaning. Unparseable input is returned trimmed.
 */
export function canonicalizeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return url.trim();
  }
  if (!isRouteFragment(parsed.hash)) parsed.hash = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTrackingParam(name));
  if (kept.length !== [...parsed.searchParams].length) {
    parsed.search = kept.length ? new URLSearchParams(kept).toString() : '';
  }
  return parsed.href;
}

export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Second-level labels under which registrations happen one level deeper (co.uk, com.au, ne.jp…). */
const SECOND_LEVEL_REGISTRIES = new Set(['co', 'com', 'net', 'org', 'gov', 'edu', 'ac', 'ne', 'or', 'go', 'gob', 'nic']);

/**
 * Approximation of the registrable domain ("eTLD+1") without shipping the Public Suffix List:
 * exact for generic TLDs and for the common `co.uk`-style country registries.
 */
export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^[\d.]+$/.test(hostname)) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const keep = tld.length === 2 && SECOND_LEVEL_REGISTRIES.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

export function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}
