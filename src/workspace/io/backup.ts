/**
 * The versioned JSON backup of everything the workspace holds: drafts (each with its quotes) and
 * revision history. Settings (the API token) are never exported. Import parses every row with the draft
 * schemas and checks that quotes point at their draft's sources; one bad row rejects the whole file.
 * Version 1 files (quotes listed apart from their drafts, in a `clips` array) still import.
 */
import { z } from 'zod';
import { Clip, Draft, IsoDateTime } from '../../core/draft.ts';
import { byCreation } from '../../core/clip-order.ts';
import { backupText, readBackupText, type RawBackup } from './backup-text.ts';
import { upgradedDraftRow } from '../../core/stored-draft.ts';

export const BACKUP_FORMAT = 'incident-clipper-backup';
export const BACKUP_VERSION = 2;

/** A quote of a version 1 file, listed apart from its draft. */
const ClipApart = Clip.extend({ draftId: z.uuid() });

export const RevisionRecord = z.strictObject({
  draftId: z.uuid(),
  at: IsoDateTime,
  reason: z.enum(['edit', 'restore', 'conflict', 'import', 'upgrade']),
  draft: Draft,
});
export type RevisionRecord = z.infer<typeof RevisionRecord>;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  /** Each with its quotes. */
  drafts: Draft[];
  revisions: RevisionRecord[];
}

/** The file's members other than its rows (`drafts`, `revisions`, and in version 1 `clips`). */
const Head = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.union([z.literal(1), z.literal(BACKUP_VERSION)]),
  exportedAt: IsoDateTime,
});

/** The file's text, one row per line (see backup-text.ts). */
export function serializeBackup({ drafts, revisions, ...head }: Backup): string {
  return backupText(head, { drafts, revisions });
}

export function makeBackup(drafts: Draft[], revisions: RevisionRecord[], exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, drafts, revisions };
}

export interface Rejection {
  /** Where in the file, e.g. `drafts[3].sources[0].url`. */
  path: string;
  reason: string;
}

export type BackupParse =
  | {
      ok: true;
      /** Without the drafts already handed to a sink (a big file's drafts would otherwise be held twice). */
      backup: Backup;
      /** Every draft and quote of the file, handed over or not. */
      counts: { drafts: number; clips: number };
      /** Version 1 files only: quotes for drafts that are not in the file but in this browser, by draft id. */
      clipsForStoredDrafts: Map<string, Clip[]>;
    }
  | { ok: false; rejected: Rejection[] };

function issuesAt(prefix: string, error: z.ZodError): Rejection[] {
  return error.issues.map((issue) => ({
    path: `${prefix}${issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('')}`,
    reason: issue.message,
  }));
}

/**
 * Receives validated rows while a file is being checked, so the caller can start writing them before
 * the whole file is through (and abandon the writes if `rejectedSoFar()` turns non-zero).
 */
export interface BackupSink {
  drafts?(rows: Draft[]): void;
}

/** Rows handed to a sink at a time: small enough for the writes to start early, large enough to be cheap. */
const CHUNK = 500;
/** The first chunk is smaller: the writes wait for it, and nothing else is written meanwhile. */
const FIRST_CHUNK = 100;

function parseRow<T>(row: unknown, index: number, schema: z.ZodType<T>, name: string, rejected: Rejection[]): T | undefined {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  rejected.push(...issuesAt(`${name}[${index}]`, parsed.error));
  return undefined;
}

/**
 * Parses a backup file's text; the result lists every rejected row and why.
 * With a `sink`, valid drafts are handed over in chunks as long as nothing was rejected yet (and are not
 * kept in the result); the caller must still discard everything when the result is not ok.
 */
export function parseBackup(text: string, knownDraftIds: ReadonlySet<string> = new Set(), sink: BackupSink = {}): BackupParse {
  const notJson = (error: unknown): BackupParse => ({ ok: false, rejected: [{ path: '(file)', reason: `Not JSON: ${error instanceof Error ? error.message : String(error)}` }] });
  try {
    return parseRows(readBackupText(text), knownDraftIds, sink);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // A line that is no JSON row on its own: the file may still be JSON in another layout. (A sink may be
    // handed some rows twice then; a put by id takes that.)
    try {
      return parseRows(readBackupText(text, { whole: true }), knownDraftIds, sink);
    } catch (wholeError) {
      if (wholeError instanceof SyntaxError) return notJson(wholeError);
      throw wholeError;
    }
  }
}

function parseRows({ head, sections }: RawBackup, knownDraftIds: ReadonlySet<string>, sink: BackupSink): BackupParse {
  const envelope = Head.safeParse(head);
  if (!envelope.success) return { ok: false, rejected: issuesAt('', envelope.error) };
  if (!sections.drafts) return { ok: false, rejected: [{ path: 'drafts', reason: 'No list of drafts in the file.' }] };
  // Rejections are reported in this order: bad drafts, bad clips, bad revisions, repeated drafts, dangling clips.
  const bad = { drafts: [] as Rejection[], clips: [] as Rejection[], revisions: [] as Rejection[], twice: [] as Rejection[], dangling: [] as Rejection[] };
  const rejectedSoFar = () => bad.drafts.length + bad.clips.length + bad.twice.length + bad.dangling.length;
  // Version 1 drafts wait for their quotes, listed after all drafts; version 2 drafts hold theirs.
  const quotesApart = envelope.data.version === 1;

  // Kept: every draft of a version 1 file (they wait for their quotes), else those no sink takes.
  const keep = quotesApart || !sink.drafts;
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  let draftCount = 0;
  let clipCount = 0;
  let pending: Draft[] = [];
  const handOver = (rows: Draft[]) => {
    if (rejectedSoFar() === 0) sink.drafts?.(rows);
  };
  // Two quotes with one id would be one quote to every later edit, highlight and merge: the file is refused.
  const quoteIds = new Map<string, string>();
  const noteQuoteId = (id: string, path: string) => {
    const first = quoteIds.get(id);
    if (first) bad.twice.push({ path, reason: `Quote ${id} appears twice (first at ${first}).` });
    else quoteIds.set(id, path);
  };
  // Ids of drafts rejected here: their clips are not reported a second time.
  const rejectedDraftIds = new Set<unknown>();
  const rawDrafts = sections.drafts;
  for (let index = 0; index < rawDrafts.length; index += 1) {
    const row = rawDrafts.row(index);
    const draft = parseRow(upgradedDraftRow(row), index, Draft, 'drafts', bad.drafts);
    if (!draft) {
      const id = (row as { id?: unknown } | null)?.id;
      if (typeof id === 'string') rejectedDraftIds.add(id);
      continue;
    }
    if (seen.has(draft.id)) bad.twice.push({ path: `drafts[${index}].id`, reason: `Draft ${draft.id} appears twice.` });
    else seen.add(draft.id);
    draft.clips.forEach((clip, clipIndex) => noteQuoteId(clip.id, `drafts[${index}].clips[${clipIndex}].id`));
    draftCount += 1;
    clipCount += draft.clips.length;
    if (keep) drafts.push(draft);
    if (quotesApart) continue;
    pending.push(draft);
    if (pending.length >= (draftCount === pending.length ? FIRST_CHUNK : CHUNK)) {
      handOver(pending);
      pending = [];
    }
  }
  for (const id of seen) rejectedDraftIds.delete(id);

  const clipsForStoredDrafts = new Map<string, Clip[]>();
  const rawClips = sections.clips ?? { length: 0, row: () => undefined };
  if (!quotesApart && rawClips.length > 0) bad.clips.push({ path: 'clips', reason: 'A version 2 backup keeps quotes inside their drafts.' });
  const quotesOf = new Map<string, Clip[]>();
  if (quotesApart) {
    // Version 1 lists each quote apart, with the id of its draft; inside its draft, it no longer needs it.
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    for (let index = 0; index < rawClips.length; index += 1) {
      const apart = parseRow(rawClips.row(index), index, ClipApart, 'clips', bad.clips);
      if (!apart || rejectedDraftIds.has(apart.draftId)) continue;
      const { draftId, ...clip } = apart;
      noteQuoteId(clip.id, `clips[${index}].id`);
      const draft = byId.get(draftId);
      if (!draft && !knownDraftIds.has(draftId)) bad.dangling.push({ path: `clips[${index}].draftId`, reason: `No draft ${draftId} in the file or this browser.` });
      else if (draft && !draft.sources.some((source) => source.id === clip.sourceId)) bad.dangling.push({ path: `clips[${index}].sourceId`, reason: `Draft ${draftId} has no source ${clip.sourceId}.` });
      const list = draft ? quotesOf : clipsForStoredDrafts;
      list.set(draftId, [...(list.get(draftId) ?? []), clip]);
      clipCount += 1;
    }
    const joined = drafts.map((draft) => (quotesOf.has(draft.id) ? { ...draft, clips: [...draft.clips, ...quotesOf.get(draft.id)!].sort(byCreation) } : draft));
    drafts.splice(0, drafts.length, ...joined);
    if (sink.drafts) {
      for (let start = 0; start < drafts.length; start += CHUNK) handOver(drafts.slice(start, start + CHUNK));
      drafts.length = 0;
    }
  } else {
    if (pending.length > 0) handOver(pending);
  }

  const revisions: RevisionRecord[] = [];
  const rawRevisions = sections.revisions ?? { length: 0, row: () => undefined };
  for (let index = 0; index < rawRevisions.length; index += 1) {
    const raw = rawRevisions.row(index) as { draft?: unknown } | null;
    const revision = parseRow(raw && typeof raw === 'object' ? { ...raw, draft: upgradedDraftRow(raw.draft) } : raw, index, RevisionRecord, 'revisions', bad.revisions);
    if (revision) revisions.push(revision);
  }

  const rejected = [...bad.drafts, ...bad.clips, ...bad.revisions, ...bad.twice, ...bad.dangling];
  if (rejected.length > 0) return { ok: false, rejected };
  return { ok: true, backup: makeBackup(drafts, revisions, envelope.data.exportedAt), counts: { drafts: draftCount, clips: clipCount }, clipsForStoredDrafts };
}
