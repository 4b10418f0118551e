/**
 * The versioned JSON backup of everything the workspace holds: drafts, clips and revision history.
 * Settings (the API token) are never exported. Import parses every row with the draft schemas and
 * checks that clips point at drafts and sources that exist; one bad row rejects the whole file.
 */
import { z } from 'zod';
import { Clip, Draft, IsoDateTime } from '../../core/draft.ts';

export const BACKUP_FORMAT = 'incident-clipper-backup';
export const BACKUP_VERSION = 1;

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
  drafts: Draft[];
  clips: Clip[];
  revisions: RevisionRecord[];
}

const Envelope = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateTime,
  drafts: z.array(z.unknown()),
  clips: z.array(z.unknown()),
  revisions: z.array(z.unknown()).default([]),
});

export function makeBackup(drafts: Draft[], clips: Clip[], revisions: RevisionRecord[], exportedAt: string): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, drafts, clips, revisions };
}

export interface Rejection {
  /** Where in the file, e.g. `drafts[3].sources[0].url`. */
  path: string;
  reason: string;
}

export type BackupParse = { ok: true; backup: Backup } | { ok: false; rejected: Rejection[] };

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
  clips?(rows: Clip[]): void;
}

/** Rows handed to a sink at a time: small enough for the writes to start early, large enough to be cheap. */
const CHUNK = 2_000;

function parseRow<T>(row: unknown, index: number, schema: z.ZodType<T>, name: string, rejected: Rejection[]): T | undefined {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  rejected.push(...issuesAt(`${name}[${index}]`, parsed.error));
  return undefined;
}

/**
 * Parses a backup file's text; the result lists every rejected row and why.
 * With a `sink`, valid drafts (then clips) are handed over in chunks as long as nothing was rejected yet;
 * the caller must still discard everything when the result is not ok.
 */
export function parseBackup(text: string, knownDraftIds: ReadonlySet<string> = new Set(), sink: BackupSink = {}): BackupParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, rejected: [{ path: '(file)', reason: `Not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, rejected: issuesAt('', envelope.error) };
  // Each row of the file is let go once checked: the checked copies are what is kept, and a 50 MB file
  // read into memory twice over makes every garbage collection slow. (The local would otherwise keep them.)
  // eslint-disable-next-line no-useless-assignment
  json = undefined;
  const take = (rows: unknown[], index: number) => {
    const row = rows[index];
    rows[index] = undefined;
    return row;
  };
  // Rejections are reported in this order: bad drafts, bad clips, bad revisions, repeated drafts, dangling clips.
  const bad = { drafts: [] as Rejection[], clips: [] as Rejection[], revisions: [] as Rejection[], twice: [] as Rejection[], dangling: [] as Rejection[] };
  const rejectedSoFar = () => bad.drafts.length + bad.clips.length + bad.twice.length + bad.dangling.length;

  const drafts: Draft[] = [];
  const sourcesByDraft = new Map<string, Set<string>>();
  let pending: Draft[] = [];
  // Ids of drafts rejected here: their clips are not reported a second time.
  const rejectedDraftIds = new Set<unknown>();
  const rawDrafts = envelope.data.drafts;
  rawDrafts.forEach((_, index) => {
    const row = take(rawDrafts, index);
    const draft = parseRow(row, index, Draft, 'drafts', bad.drafts);
    if (!draft) {
      const id = (row as { id?: unknown } | null)?.id;
      if (typeof id === 'string') rejectedDraftIds.add(id);
      return;
    }
    if (sourcesByDraft.has(draft.id)) bad.twice.push({ path: `drafts[${index}].id`, reason: `Draft ${draft.id} appears twice.` });
    else sourcesByDraft.set(draft.id, new Set(draft.sources.map((source) => source.id)));
    drafts.push(draft);
    pending.push(draft);
    if (pending.length >= CHUNK) {
      if (rejectedSoFar() === 0) sink.drafts?.(pending);
      pending = [];
    }
  });
  if (pending.length > 0 && rejectedSoFar() === 0) sink.drafts?.(pending);

  for (const id of sourcesByDraft.keys()) rejectedDraftIds.delete(id);
  const clips: Clip[] = [];
  let pendingClips: Clip[] = [];
  const rawClips = envelope.data.clips;
  rawClips.forEach((_, index) => {
    const clip = parseRow(take(rawClips, index), index, Clip, 'clips', bad.clips);
    if (!clip) return;
    clips.push(clip);
    const sources = sourcesByDraft.get(clip.draftId);
    if (rejectedDraftIds.has(clip.draftId)) return;
    if (!sources && !knownDraftIds.has(clip.draftId)) bad.dangling.push({ path: `clips[${index}].draftId`, reason: `No draft ${clip.draftId} in the file or this browser.` });
    else if (sources && !sources.has(clip.sourceId)) bad.dangling.push({ path: `clips[${index}].sourceId`, reason: `Draft ${clip.draftId} has no source ${clip.sourceId}.` });
    pendingClips.push(clip);
    if (pendingClips.length >= CHUNK) {
      if (rejectedSoFar() === 0) sink.clips?.(pendingClips);
      pendingClips = [];
    }
  });
  if (pendingClips.length > 0 && rejectedSoFar() === 0) sink.clips?.(pendingClips);

  const revisions: RevisionRecord[] = [];
  const rawRevisions = envelope.data.revisions;
  rawRevisions.forEach((_, index) => {
    const revision = parseRow(take(rawRevisions, index), index, RevisionRecord, 'revisions', bad.revisions);
    if (revision) revisions.push(revision);
  });

  const rejected = [...bad.drafts, ...bad.clips, ...bad.revisions, ...bad.twice, ...bad.dangling];
  if (rejected.length > 0) return { ok: false, rejected };
  return { ok: true, backup: makeBackup(drafts, clips, revisions, envelope.data.exportedAt) };
}
