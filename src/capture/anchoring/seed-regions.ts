/**
 * Where in a long text an edited quote can be, found from the quote's longer words that survived the
 * edit: a match within the error budget that keeps one of those words verbatim lies in a window around
 * that word's occurrence. Searching those windows replaces a fuzzy scan of the whole page, whose cost
 * grows with page length times quote length (tens of milliseconds per quote on a 1 MB page).
 */

/** Shorter words are too common to narrow the search. */
const MIN_SEED_LENGTH = 4;
const MAX_SEEDS = 8;
/** A word this common is no guide: its windows would cover much of the page. */
const MAX_SEED_HITS = 200;
/** Past this share of the text, one scan of all of it is cheaper than many windows. */
const MAX_COVERED_SHARE = 0.25;

interface Seed {
  word: string;
  /** Offsets of the word inside the quote. */
  offsets: number[];
}

function seedsOf(exact: string): Seed[] {
  const seeds = new Map<string, number[]>();
  for (const match of exact.matchAll(/\S+/g)) {
    if (match[0].length < MIN_SEED_LENGTH) continue;
    const offsets = seeds.get(match[0]);
    if (offsets) offsets.push(match.index);
    else seeds.set(match[0], [match.index]);
  }
  return [...seeds]
    .map(([word, offsets]) => ({ word, offsets }))
    .sort((a, b) => b.word.length - a.word.length)
    .slice(0, MAX_SEEDS);
}

function mergeRegions(regions: [number, number][]): [number, number][] {
  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const region of regions) {
    const last = merged.at(-1);
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push([...region]);
  }
  return merged;
}

/**
 * The stretches of `text` (between `from` and `to`) that hold every match of `exact` with at most `maxErrors` edits that keeps one
 * of the quote's longer words intact, merged and in text order. Null when the quote has no usable word
 * or the stretches would cover much of the text: then the caller scans all of it.
 */
export function seedRegions(text: string, exact: string, maxErrors: number, from = 0, to = text.length): [number, number][] | null {
  const seeds = seedsOf(exact);
  // A search of the stretch alone: `indexOf` on the whole text would read on to its end after the last hit.
  const stretch = text.slice(from, to);
  const regions: [number, number][] = [];
  let usable = 0;
  for (const { word, offsets } of seeds) {
    const hits: number[] = [];
    for (let at = stretch.indexOf(word); at >= 0 && hits.length <= MAX_SEED_HITS; at = stretch.indexOf(word, at + 1)) hits.push(from + at);
    if (hits.length > MAX_SEED_HITS) continue;
    usable++;
    for (const hit of hits) {
      // The quote's text before the word became at most `maxErrors` longer or shorter, and so did the rest.
      for (const offset of offsets) {
        regions.push([Math.max(from, hit - offset - maxErrors), Math.min(to, hit - offset + exact.length + maxErrors)]);
      }
    }
  }
  if (usable === 0) return null;
  const merged = mergeRegions(regions);
  const covered = merged.reduce((sum, [from, to]) => sum + to - from, 0);
  return covered > (to - from) * MAX_COVERED_SHARE ? null : merged;
}
