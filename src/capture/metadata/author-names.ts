/**
 * One credited name made clean, or rejected: not a profile URL or handle, a CMS account, the site, a
 * desk, a news agency or a company; an outlet or agency appended to a name is dropped.
 */
import { decodeEntities } from './entities.ts';
import { isAgency, isCompany, looksLikePersonName } from './person-names.ts';
import { isSiteDesk, namesSite, squash } from './site-names.ts';

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

export const CREDIT_WORDS = /^(?:by|von|par|por|di|door|de|written by|text(?:e|o)?:|autor(?:in)?:|author:|recueilli(?:e|s)? par|propos recueillis par)\s+/i;
/** Accounts and placeholders a CMS prints where a byline would be. */
const NOT_A_NAME = /^(?:(?:wordpress)?admin(?:istrator)?|unknown|anonymous|anonym|webmaster|redaktion|redazione|rédaction|redacción|staff|editor|editors|editorial|newsroom|court reporter|guest|gast|user|author|autor)$/i;
/** Link texts and labels printed with a byline ("Show all articles of …", "Alle Beiträge"). */
const UI_WORDS = /(?<!\p{L})(?:articles?|posts?|beiträge|artikel|show|view|more|mehr|alle|follow|email|e-mail)(?!\p{L})/iu;
/** "Le Monde with AFP", "Jane Roe mit dpa": an agency credited beside the writer. */
const WITH_AGENCY = /\s+(?:with|mit|avec|con|met|and|und)\s+([^,]+)$/i;

/** "Rob Picheta, CNN", "Charles Walton for SurgeZirc UK", "Ann Lee | The Times", "Jane Roe, AFP" without the outlet. */
function withoutOutlet(name: string, siteNames: string[]): string {
  const agency = WITH_AGENCY.exec(name);
  if (agency && isAgency(agency[1]!)) return name.slice(0, agency.index).trim();
  const match = /^(.+?)(?:\s*[,|–—-]\s*|\s+for\s+|\s+für\s+)([^,|]+)$/i.exec(name);
  return match && (namesSite(match[2]!, siteNames) || isAgency(match[2]!)) ? match[1]!.trim() : name;
}

/** The site itself, or (for a one-word account such as "SeglerBlog") the blog's own host label. */
function isTheSite(name: string, context: AuthorContext, persona: boolean): boolean {
  // A writer whose blog bears their name ("Frau Sabienes" on "Frau Sabienes sagt") is still its author.
  if (persona) return context.outletNames.some((outlet) => squash(outlet) === squash(name));
  if (namesSite(name, context.siteNames) || isSiteDesk(name, context.siteNames)) return true;
  return !looksLikePersonName(name) && context.hostLabels.some((label) => squash(label) === squash(name));
}

export function cleanName(raw: string, context: AuthorContext, persona = false): string | undefined {
  let name = decodeEntities(raw).replace(/\s+/g, ' ').trim();
  if (/https?:|www\.|@/i.test(name)) return undefined;
  name = name.replace(CREDIT_WORDS, '').replace(/[.,;:·•|]+$/, '').trim();
  name = withoutOutlet(name, context.siteNames);
  if (!name || name.length > MAX_NAME || name.split(' ').length > MAX_NAME_WORDS) return undefined;
  if (NOT_A_NAME.test(name) || UI_WORDS.test(name) || /\d/.test(name)) return undefined;
  if (isAgency(name) || isCompany(name) || isTheSite(name, context, persona)) return undefined;
  return name;
}

/** Names, cleaned, rejected ones left out, de-duplicated. */
export function cleanNames(names: string[], context: AuthorContext, persona = false): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = cleanName(raw, context, persona);
    const key = name?.toLowerCase();
    if (name && key && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out.slice(0, MAX_AUTHORS);
}
