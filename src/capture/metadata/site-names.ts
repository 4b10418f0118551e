/** Whether a name is the site's own (its publisher, its site name, its host) rather than a person's. */
import { registrableDomain } from '../../core/url.ts';

export const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const SPELLED_IN_ASCII: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', æ: 'ae', ø: 'oe', å: 'aa' };

/** A name as a host name spells it: "KleineGrüneMonster" as "kleinegruenemonster", "Café" as "cafe". */
export const asHostLabel = (text: string): string =>
  squash(text)
    .replace(/[äöüßæøå]/g, (letter) => SPELLED_IN_ASCII[letter]!)
    .normalize('NFD')
    .replace(/\p{M}/gu, '');

/** The site's names: publisher, site name and the host's registrable domain with and without its suffix. */
export function siteNamesOf(names: (string | undefined)[], host: string): string[] {
  const domain = registrableDomain(host);
  return [...names, domain, domain.replace(/\.[^.]+$/, '')].filter((name): name is string => !!name && squash(name).length > 2);
}

/** The host's labels before its registrable domain, but "www", "www1", "m": "seglerblog" of seglerblog.example.de. */
export function subdomainLabels(host: string): string[] {
  const domain = registrableDomain(host);
  const sub = host.endsWith(`.${domain}`) ? host.slice(0, -domain.length - 1) : '';
  return sub.split('.').filter((label) => label && !/^(?:www\d*|m|amp|mobile)$/i.test(label));
}

/** "Eurosport" on Eurosport Deutschland, "jungefreiheit.de", "Die Tagespresse": the site, not an author. */
export function namesSite(name: string, siteNames: string[]): boolean {
  const squashed = squash(name);
  // A short name inside a long site name is more likely a coincidence ("DT" in "Hundetagebuch").
  return squashed.length > 0 && siteNames.some((site) => squash(site) === squashed || (squashed.length > 3 && squash(site).includes(squashed)));
}

/** "Politics.co.uk staff", "Redaktion Polizeiticker Schweiz": a desk named after the site. */
const DESK_WORDS = /(?<!\p{L})(?:staff|team|redaktion|redazione|rédaction|redacción|redaccion|editorial|editors?|desk|newsroom|online|report|sekretariat|secretariat|press office|pressestelle)(?!\p{L})/iu;

export function isSiteDesk(name: string, siteNames: string[]): boolean {
  const squashed = squash(name);
  return DESK_WORDS.test(name) && siteNames.some((site) => squashed.includes(squash(site)));
}

/** "Team KLIMAWANDEL GLOBAL": the site's name without the desk word before it. */
export function withoutDesk(name: string): string {
  const rest = name.replace(new RegExp(`^${DESK_WORDS.source}\\s+`, 'iu'), '');
  return rest || name;
}

/** The host's names: "wdr" of www1.wdr.de, and a blog's own label ("seglerblog" of seglerblog.example.com). */
const hostNamesOf = new Map<string, string[]>();

function hostNames(host: string): string[] {
  const known = hostNamesOf.get(host);
  if (known) return known;
  const name = asHostLabel(registrableDomain(host).replace(/\.[^.]+$/, ''));
  const labels = subdomainLabels(host).map(asHostLabel).filter((label) => label.length >= 6);
  const names = [name, ...labels].filter((label) => label.length > 2);
  hostNamesOf.set(host, names);
  return names;
}

/**
 * How well a name names the host: 2 for the host's name give or take a word or a legal form ("ProNATs e.V."
 * on pronats.de, "WDR" on www1.wdr.de), 1 for one inside the other ("EFC Bayrische Bembel Regensburg" on
 * bayrische-bembel.de, but also "Parallels Desktop 15 for Mac" on parallels.com), 0 for none.
 */
export function hostMatch(name: string, host: string): number {
  const part = asHostLabel(name.replace(/^www\./i, ''));
  if (part.length <= 2) return 0;
  return Math.max(
    0,
    ...hostNames(host).map((hostName) => {
      if (!part.includes(hostName) && !hostName.includes(part)) return 0;
      return Math.abs(part.length - hostName.length) <= 4 ? 2 : 1;
    }),
  );
}

export const namesHost = (name: string, host: string): boolean => hostMatch(name, host) === 2;
