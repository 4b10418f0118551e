/**
 * The backup file's layout: plain JSON, written one row per line, so that a reader can parse a large file
 * row by row. Each row's objects then die young, instead of a 50 MB file's whole tree being held (and
 * traced by every garbage collection) for the length of the check. Any other layout of valid JSON is read
 * too, in one piece.
 *
 *   {"format":"incident-clipper-backup","version":2,"exportedAt":"…",
 *   "drafts":[
 *   {…},
 *   {…}
 *   ],
 *   "revisions":[
 *   ]
 *   }
 */

export const SECTIONS = ['drafts', 'clips', 'revisions'] as const;
export type Section = (typeof SECTIONS)[number];

/** A section's rows, each parsed when read (and best read once). */
export interface Rows {
  readonly length: number;
  row(index: number): unknown;
}

export interface RawBackup {
  /** Every top-level member that is not a section. */
  head: Record<string, unknown>;
  sections: Partial<Record<Section, Rows>>;
}

/** Writes `head` and `sections` in the one-row-per-line layout. */
export function backupText(head: Record<string, unknown>, sections: Partial<Record<Section, readonly unknown[]>>): string {
  const members = Object.entries(sections).map(([name, rows]) => {
    const lines = rows!.map((row) => JSON.stringify(row));
    return [`${JSON.stringify(name)}:[`, ...lines.map((line, index) => (index < lines.length - 1 ? `${line},` : line)), ']'].join('\n');
  });
  return `${JSON.stringify(head).slice(0, -1)},\n${members.join(',\n')}\n}\n`;
}

/**
 * Reads a backup file's text; throws a SyntaxError when it is not JSON, or not a JSON object. Rows read
 * line by line may throw a SyntaxError too: then read the file again with `{ whole: true }`.
 */
export function readBackupText(text: string, { whole = false } = {}): RawBackup {
  const byLine = whole ? undefined : readLines(text);
  if (byLine) return byLine;
  const json: unknown = JSON.parse(text);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new SyntaxError('the file is not a JSON object');
  const head: Record<string, unknown> = {};
  const sections: RawBackup['sections'] = {};
  for (const [key, value] of Object.entries(json)) {
    if ((SECTIONS as readonly string[]).includes(key) && Array.isArray(value)) sections[key as Section] = releasing(value);
    else head[key] = value;
  }
  return { head, sections };
}

/** Rows of an array that let go of each row once read: the checked copies are what is kept. */
function releasing(rows: unknown[]): Rows {
  return {
    length: rows.length,
    row(index) {
      const row = rows[index];
      rows[index] = undefined;
      return row;
    },
  };
}

const SECTION_START = /^"(drafts|clips|revisions)":\[$/;

/** The file read line by line, if it has the layout `backupText` writes (else undefined: read it whole). */
function readLines(text: string): RawBackup | undefined {
  const lines = text.split('\n');
  while (lines.at(-1) === '') lines.pop();
  const first = lines[0];
  if (!first?.startsWith('{') || !first.endsWith(',') || lines.at(-1) !== '}') return undefined;
  let head: unknown;
  try {
    head = JSON.parse(`${first.slice(0, -1)}}`);
  } catch {
    return undefined;
  }
  const sections: RawBackup['sections'] = {};
  let at = 1;
  while (at < lines.length - 1) {
    const name = SECTION_START.exec(lines[at]!)?.[1] as Section | undefined;
    if (!name || sections[name]) return undefined;
    const start = at + 1;
    let end = start;
    while (end < lines.length - 1 && lines[end] !== ']' && lines[end] !== '],') end += 1;
    const closing = lines[end];
    const last = end >= lines.length - 2;
    if (closing !== (last ? ']' : '],')) return undefined;
    // Every row line but the last ends with the comma that separates it from the next.
    for (let line = start; line < end; line += 1) if (lines[line]!.endsWith(',') !== line < end - 1) return undefined;
    sections[name] = rowsOf(lines, start, end);
    at = end + 1;
  }
  if (typeof head !== 'object' || head === null || Array.isArray(head)) return undefined;
  if (Object.keys(head).some((key) => (SECTIONS as readonly string[]).includes(key))) return undefined;
  return { head: head as Record<string, unknown>, sections };
}

function rowsOf(lines: string[], start: number, end: number): Rows {
  return {
    length: end - start,
    row(index) {
      const line = lines[start + index]!;
      lines[start + index] = '';
      try {
        return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      } catch (error) {
        throw new SyntaxError(`line ${start + index + 1}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
  };
}
