/** The headline, without the " | Site" or " - Site" decoration pages add to their `<title>`. */

const SEPARATOR = /\s+(?:[|–—·•»:]|-{1,2}|::)\s+/;

function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether `segment` names the site: its publisher name or a label of its host name. */
function namesSite(segment: string, siteNames: string[]): boolean {
  const squashed = squash(segment);
  if (squashed === '') return true;
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
export function stripSiteSuffix(title: string, siteNames: string[]): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const parts = clean.split(SEPARATOR);
  if (parts.length < 2) return clean;
  const separators = clean.match(new RegExp(SEPARATOR.source, 'g')) ?? [];
  let first = 0;
  let last = parts.length - 1;
  while (last > first && namesSite(parts[last]!, siteNames)) last--;
  while (first < last && namesSite(parts[first]!, siteNames)) first++;
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
