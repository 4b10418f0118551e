/** A title's parts: "Headline | Section | Site", and which of them name the site. */
import { decodeEntities } from './entities.ts';
import { squash } from './site-names.ts';

/** " | ", " - ", " › ", " / "…: marks that pages put between a headline, its section and the site name. */
const MARKS = String.raw`[|–—·•«»›‹:/]|-{1,2}|::`;
export const SEPARATOR = new RegExp(String.raw`\s+(?:${MARKS})\s+`);
export const SEPARATORS = new RegExp(SEPARATOR.source, 'g');
/** What may close the part before a headline: a separator, or a colon right after a blog's name ("Blog: Post"). */
const CLOSES_PART = new RegExp(String.raw`(?:\s(?:${MARKS})|:)\s$`);
const OPENS_PART = new RegExp(String.raw`^\s(?:${MARKS})\s`);
const EDGE_MARKS = new RegExp(String.raw`^(?:${MARKS})\s+|\s+(?:${MARKS})$`, 'g');

/**
 * Whether `segment` names the site: contains its publisher name or a label of its host name, or is
 * exactly one of `exactNames` (what its logo links home with: too varied to match loosely).
 */
export function segmentNamesSite(segment: string, siteNames: string[], exactNames: string[] = []): boolean {
  const squashed = squash(segment);
  if (squashed === '') return true;
  if (exactNames.some((name) => squash(name) === squashed)) return true;
  return siteNames.some((name) => {
    const site = squash(name);
    return site.length > 2 && (squashed.includes(site) || (squashed.length > 3 && site.includes(squashed)));
  });
}

/**
 * Drops leading or trailing segments that name the site. Without a known site name,
 * a trailing " | Anything" is still dropped when the rest is longer, since a pipe almost always
 * introduces the site; a dash may belong to the headline and is kept.
 */
export function stripSiteSuffix(title: string, siteNames: string[], exactNames: string[] = []): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const parts = clean.split(SEPARATOR);
  if (parts.length < 2) return clean;
  const separators = clean.match(SEPARATORS) ?? [];
  let first = 0;
  let last = parts.length - 1;
  while (last > first && segmentNamesSite(parts[last]!, siteNames, exactNames)) last--;
  while (first < last && segmentNamesSite(parts[first]!, siteNames, exactNames)) first++;
  if (first === 0 && last === parts.length - 1) {
    const tail = parts[last]!;
    const head = parts.slice(0, last).join(' | ');
    if (separators[separators.length - 1]?.trim() === '|' && tail.length < head.length) last--;
    else return clean;
  }
  // Rejoin with the separators that were between the kept parts.
  let result = parts[first]!;
  for (let i = first + 1; i <= last; i++) result += separators[i - 1]! + parts[i]!;
  return result.trim();
}

/** Chinese, Japanese and Korean titles join the site without spaces: "武汉的声音…！-新华网", "…_新浪网". */
const CJK_JOINT = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff60])[-_|｜](?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/gu;

/** Entities decoded, spaces collapsed, and a CJK joint written as the pipe it stands for. */
export const normalised = (text: string): string =>
  decodeEntities(text).replace(/\s+/g, ' ').trim().replace(CJK_JOINT, ' | ');

/** For comparing: case, quote marks and dashes aside; as long as the text, so offsets carry over. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return (lower.length === text.length ? lower : text).replace(/[«»„“”‟"‚‘’‛'`´]/g, "'").replace(/[‐‑‒–—―]/g, '-');
}

export interface Around {
  before: string;
  after: string;
}

/**
 * Where `title` holds `part` as whole segments ("Site - Section - Part", "Part : 31.10.2023, 10.19 Uhr",
 * "Blog: Part"): the text before and after it, separators dropped.
 */
export function segmentsAround(title: string, part: string): Around | undefined {
  if (part === '') return undefined;
  const at = fold(title).indexOf(fold(part));
  if (at < 0) return undefined;
  const before = title.slice(0, at);
  const after = title.slice(at + part.length);
  if ((before !== '' && !CLOSES_PART.test(before)) || (after !== '' && !OPENS_PART.test(after))) return undefined;
  return { before: before.replace(CLOSES_PART, '').trim(), after: after.replace(OPENS_PART, '').trim() };
}

/** A text may follow a linked kicker: "<a>Eintracht Presse</a> : Eintracht Frankfurt stellt Weichen…". */
export const loose = (text: string): string => fold(text.replace(EDGE_MARKS, ''));
