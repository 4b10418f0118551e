/**
 * One credited name made clean, or rejected: not a profile URL or handle, a CMS account, the site, a
 * desk, a news agency or a company; an outlet or agency appended to a name is dropped.
 */
import { decodeEntities } from './entities.ts';
import { isAgency, isCompany, looksLikePersonName, withoutTitles } from './person-names.ts';
import { asHostLabel, isSiteDesk, namesSite } from './site-names.ts';

/** What a name is checked against. */
export interface AuthorContext {
  /** The site's names, those read off its host included (site-names.ts). */
  siteNames: string[];
  /** The outlet's own names (publisher, site name), without those read off the host. */
  outletNames: string[];
  /** The labels of the host name before its registrable domain: "seglerblog" of seglerblog.example.de. */
  hostLabels: string[];
}

const MAX_AUTHORS = 50;
export const MAX_NAME = 300;
/** Longer is a sentence or a menu caught with the byline, not a name. */
const MAX_NAME_WORDS = 6;

/** "Eingestellt von", "Posted by": the label a CMS prints before the account's name. */
const POSTED_LABEL = '(?:eingestellt|geschrieben|verfasst|gepostet|veröffentlicht|erstellt|posted|published|publié|pubblicato|publicado)\\s+(?:von|by|par|da|por)';
export const CREDIT_WORDS = new RegExp(`^(?:${POSTED_LABEL}|by|von|par|por|di|door|de|written by|text(?:e|o)?|autor(?:in)?|author|recueilli(?:e|s)? par|propos recueillis par)(?:\\s*:\\s*|\\s+)`, 'i');
/** Accounts and placeholders a CMS prints where a byline would be. */
const NOT_A_NAME = /^(?:(?:wordpress)?admin(?:istrator)?|unknown|anonymous|anonym|webmaster|redaktion|redazione|rédaction|redacción|staff|editor|editors|editorial|newsroom|court reporter|guest|gast|user|author|autor|publisher)$/i;
/** "HLNF Staff Report", "Newsroom": a desk, whether or not it spells out the site. */
const DESK = /(?<!\p{L})(?:staff|newsroom)(?!\p{L})/iu;
/** "symple.ch", "facebook.com/citynews": a site or a profile path, not a person. */
const DOMAIN = /(?:^|\s)[\p{L}\p{N}-]+\.\p{L}{2,}(?:\/|\s|$)/u;
/** "PP", "mf": an editor's initials, which name nobody once the outlet before them is gone. */
const INITIALS = /^\p{L}{1,3}$/u;
/** Link texts and labels printed with a byline ("Show all articles of …", "Alle Beiträge"). */
const UI_WORDS = /(?<!\p{L})(?:articles?|posts?|beiträge|artikel|show|view|more|mehr|alle|follow|email|e-mail|profile?)(?!\p{L})/iu;

/** "Le Monde with AFP", "Jane Roe mit dpa": an agency credited beside the writer. */
const WITH_AGENCY = /\s+(?:with|mit|avec|con|met|and|und)\s+([^,]+)$/i;

/** "Brendan Carlin For The Mail On Sunday": a person writing for a paper ("Landesanstalt für Wald" is one name). */
const WRITES_FOR = /\s+for\s+the\s+.*$/i;

const isOutlet = (part: string, siteNames: string[]): boolean => namesSite(part, siteNames) || isAgency(part);

/**
 * "Rob Picheta, CNN", "Charles Walton for SurgeZirc UK", "Ann Lee | The Times", "Jane Roe, AFP" and
 * "unocero - Alberto Ávila" without the outlet; "City News /PP" is the outlet alone.
 */
function withoutOutlet(name: string, siteNames: string[]): string {
  // A slash between words is a separator; one inside a name ("Bündnis 90/Die Grünen") is not.
  const before = /^([^,|/]+?)(?:\s*\|\s*|\s+\/\s*|\s*\/\s+|\s+[–—-]\s+)(.+)$/.exec(name);
  if (before && isOutlet(before[1]!, siteNames)) return INITIALS.test(before[2]!.trim()) ? '' : before[2]!.trim();
  const agency = WITH_AGENCY.exec(name);
  if (agency && isAgency(agency[1]!)) return name.slice(0, agency.index).trim();
  // A dash without a space beside it joins a name ("Là-bas", "Ravier-Regnat"), it does not separate one.
  const match = /^(.+?)(?:\s*[,|]\s*|\s+[–—-]\s*|\s*[–—-]\s+|\s+for\s+|\s+für\s+)([^,|]+)$/i.exec(name);
  if (match && isOutlet(match[2]!, siteNames)) return match[1]!.trim();
  const writesFor = WRITES_FOR.exec(name);
  return writesFor && looksLikePersonName(name.slice(0, writesFor.index)) ? name.slice(0, writesFor.index).trim() : name;
}

/** Long enough that a person's name holding it is no coincidence. */
const MIN_CONTAINED_SITE = 8;

/** "EFC Bayrische Bembel" on bayrische-bembel.de, "Tagesspiegel Checkpoint": the site's name and more. */
const containsSiteName = (name: string, siteNames: string[]): boolean =>
  siteNames.some((site) => asHostLabel(site).length >= MIN_CONTAINED_SITE && asHostLabel(name).includes(asHostLabel(site)));

/** "Preußische Allgemeine Zeitung" on paz.de: a name of three words or more whose initials spell a site name. */
function abbreviatesSite(name: string, siteNames: string[]): boolean {
  const words = name.split(/[\s-]+/).filter((word) => /^\p{Lu}/u.test(word));
  const initials = asHostLabel(words.map((word) => word[0]).join(''));
  return words.length >= 3 && siteNames.some((site) => asHostLabel(site) === initials);
}

/** The site itself, or (for a one-word account such as "SeglerBlog") the blog's own host label. */
function isTheSite(name: string, context: AuthorContext, { persona = false, vouched = false }: NameOptions): boolean {
  // A writer whose blog bears their name ("Frau Sabienes" on "Frau Sabienes sagt", "Wolfgang Schmale"
  // on "Wolfgang Schmale") is still its author.
  if (persona) return false;
  if (isSiteDesk(name, context.siteNames)) return true;
  // A name the page marks as its author's may be part of the host ("Heiko" on heiko-adams.de) or be the
  // whole of it ("creeny" on creeny.wordpress.com); it is the site when it is, or is part of, the
  // outlet's own name ("SeglerBlog" of "Der SeglerBlog aus Berlin"), or is one of the site's names.
  if (containsSiteName(name, context.siteNames) || abbreviatesSite(name, context.siteNames)) return true;
  if (vouched) return namesSite(name, context.outletNames) || context.siteNames.some((site) => asHostLabel(site) === asHostLabel(name));
  if (namesSite(name, context.siteNames)) return true;
  return !looksLikePersonName(name) && context.hostLabels.some((label) => asHostLabel(label) === asHostLabel(name));
}

/** How far a name is vouched for beyond its text. */
export interface NameOptions {
  /** The author is also the publisher, a person publishing under their own name (see isTheSite). */
  persona?: boolean;
  /** The page links the name to its own author page, so a handle or a first name alone is a name. */
  vouched?: boolean;
}

export function cleanName(raw: string, context: AuthorContext, { persona = false, vouched = false }: NameOptions = {}): string | undefined {
  let name = decodeEntities(raw).replace(/\s+/g, ' ').trim();
  if (/https?:|www\.|@/i.test(name) || DOMAIN.test(name)) return undefined;
  name = withoutTitles(name.replace(CREDIT_WORDS, '').replace(/[,;:·•|]+$/, '').trim()).replace(/[.,;:·•|]+$/, '');
  name = withoutOutlet(name, context.siteNames);
  if (!name || name.length > MAX_NAME || name.split(' ').length > MAX_NAME_WORDS) return undefined;
  if (NOT_A_NAME.test(name) || DESK.test(name) || UI_WORDS.test(name) || (!vouched && /\d/.test(name))) return undefined;
  // "The Wall Street Journal": no person's name starts with "The".
  if (/^the\s/i.test(name) || isAgency(name) || isCompany(name) || isTheSite(name, context, { persona, vouched })) return undefined;
  return name;
}

/** Between two names in a list: "Ana Ruiz, Ben Okafor", "Ana Ruiz and Ben Okafor", "Ana Ruiz & Ben Okafor". */
export const NAME_SEPARATOR = /\s*(?:[,;]|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s*&\s*)\s*/i;

/**
 * "April Roach, Daniel O'Mahony" in one meta tag is two people; "Grant Tinsley, PhD" and "Rob
 * Picheta, CNN" are one, with a degree or an outlet that cleanName takes off.
 */
function splitList(raw: string): string[] {
  const parts = withoutTitles(decodeEntities(raw).replace(/\s+/g, ' ').trim()).replace(WRITES_FOR, '').split(NAME_SEPARATOR);
  return parts.length > 1 && parts.every(looksLikePersonName) ? parts : [raw];
}

/** Names, cleaned, rejected ones left out, de-duplicated; a list of people in one string is split. */
export function cleanNames(names: string[], context: AuthorContext, options: NameOptions = {}): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names.flatMap(splitList)) {
    const name = cleanName(raw, context, options);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out.slice(0, MAX_AUTHORS);
}
