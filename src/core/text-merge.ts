/**
 * Three-way merge of long free text (summary, rationale, counterfactual, notes): two editors who changed
 * different sentences or lines of one field both keep their work; edits to the same sentence are a
 * conflict, as before.
 *
 * Library: node-diff3 (MIT, no dependencies, typed, maintained; the diff3 used by OpenStreetMap's iD
 * editor). It diffs arrays of our own tokens with Hunt–McIlroy LCS and reports exact hunks, so "the two
 * edits overlap" is a yes/no question. diff-match-patch was not chosen: its patches apply fuzzily at the
 * character level and never report an overlap, so two people rewriting the same sentence would be spliced
 * together silently instead of being kept as a conflict.
 *
 * We take the two diffs (base→mine, base→theirs) from node-diff3 and combine them here rather than with its
 * `diff3Merge`, because that one (like git) also calls hunks that merely touch a conflict: edits to two
 * neighbouring sentences would still clash. Here only overlapping hunks, or two insertions at one point,
 * conflict.
 *
 * Granularity: a token is one sentence with the spaces after it, or one line with the blank lines after it.
 * So prose without newlines merges sentence by sentence, and lists/paragraphs line by line. Two edits in
 * one sentence are a conflict even when they change different words: they are likely to depend on each
 * other, and a person should read the result.
 */
import { diffIndices } from 'node-diff3';

// A sentence ends at terminators (+ closing quotes) and the spaces after them when more text follows on the
// line, or at fullwidth terminators alone. A line ends at a newline and takes the blank lines after it, so a
// blank line is never a token of its own: a repeated token lets the diff align the wrong places.
const TOKEN = /[^\n]*?(?:[.!?…。！？]+["'”’)\]»」』]*[ \t]+(?=\S)|[。！？]+["'”’)\]»」』]*(?=[^\s])|\n(?:[ \t]*\n)*|$)/gu;

/** Splits text into sentence/line tokens; joining them gives the text back exactly. */
export function tokenize(text: string): string[] {
  return (text.match(TOKEN) ?? []).filter((token) => token !== '');
}

/** Replace base tokens [start, end) by `content`; start === end is an insertion. */
interface Hunk {
  start: number;
  end: number;
  content: string[];
}

/**
 * The hunks that turn `base` into `changed`. The ends both share are left out of the LCS: an edit is usually
 * local, and LCS over a whole long note costs hundreds of ms (100 kB) where the trimmed one costs nothing.
 */
function hunks(base: string[], changed: string[]): Hunk[] {
  const shortest = Math.min(base.length, changed.length);
  let head = 0;
  while (head < shortest && base[head] === changed[head]) head += 1;
  let tail = 0;
  while (tail < shortest - head && base[base.length - 1 - tail] === changed[changed.length - 1 - tail]) tail += 1;
  return diffIndices(base.slice(head, base.length - tail), changed.slice(head, changed.length - tail)).map(({ buffer1: [start, length], buffer2Content }) => ({
    start: head + start,
    end: head + start + length,
    content: buffer2Content,
  }));
}

function sameHunk(p: Hunk, q: Hunk): boolean {
  return p.start === q.start && p.end === q.end && p.content.length === q.content.length && p.content.every((token, i) => token === q.content[i]);
}

/** Whether two hunks from different sides touch the same region (touching ends is fine). */
function clash(p: Hunk, q: Hunk): boolean {
  const pInsert = p.start === p.end;
  const qInsert = q.start === q.end;
  if (pInsert && qInsert) return p.start === q.start; // which goes first is anyone's guess
  if (pInsert) return q.start < p.start && p.start < q.end;
  if (qInsert) return p.start < q.start && q.start < p.end;
  return p.start < q.end && q.start < p.end;
}

/**
 * Merges `mine` and `theirs`, both edited from `base`. Returns the merged text with both sets of changes
 * in document order, or `undefined` when they change the same region differently (a conflict).
 */
export function mergeText(base: string, mine: string, theirs: string): string | undefined {
  const original = tokenize(base);
  const ours = hunks(original, tokenize(mine));
  const others = hunks(original, tokenize(theirs)).filter((hunk) => !ours.some((own) => sameHunk(own, hunk)));
  if (ours.some((own) => others.some((other) => clash(own, other)))) return undefined;
  // No overlaps: apply every hunk in base order (an insertion before a replacement that starts there).
  const all = [...ours, ...others].sort((p, q) => p.start - q.start || p.end - q.end);
  const out: string[] = [];
  let next = 0;
  for (const hunk of all) {
    out.push(...original.slice(next, hunk.start), ...hunk.content);
    next = hunk.end;
  }
  out.push(...original.slice(next));
  return out.join('');
}
