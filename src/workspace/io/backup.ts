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

function parseRows<T>(rows: unknown[], schema: z.ZodType<T>, name: string, rejected: Rejection[]): T[] {
  const out: T[] = [];
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) out.push(parsed.data);
    else rejected.push(...issuesAt(`${name}[${index}]`, parsed.error));
  });
  return out;
}

/** Parses a backup file's text; the result lists every rejected row and why. */
export function parseBackup(text: string, knownDraftIds: ReadonlySet<string> = new Set()): BackupParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, rejected: [{ path: '(file)', reason: `Not JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) return { ok: false, rejected: issuesAt('', envelope.error) };
  const rejected: Rejection[] = [];
  const drafts = parseRows(envelope.data.drafts, Draft, 'drafts', rejected);
  const clips = parseRows(envelope.data.clips, Clip, 'clips', rejected);
  const revisions = parseRows(envelope.data.revisions, RevisionRecord, 'revisions', rejected);

  const sourcesByDraft = new Map(drafts.map((draft) => [draft.id, new Set(draft.sources.map((source) => source.id))]));
  const seen = new Set<string>();
  drafts.forEach((draft, index) => {
    if (seen.has(draft.id)) rejected.push({ path: `drafts[${index}].id`, reason: `Draft ${draft.id} appears twice.` });
    seen.add(draft.id);
  });
  // A clip of a draft already rejected above is not reported a second time.
  const rejectedDraftIds = new Set(envelope.data.drafts.map((row) => (row as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string' && !sourcesByDraft.has(id)));
  clips.forEach((clip, index) => {
    const sources = sourcesByDraft.get(clip.draftId);
    if (rejectedDraftIds.has(clip.draftId)) return;
    if (!sources && !knownDraftIds.has(clip.draftId)) rejected.push({ path: `clips[${index}].draftId`, reason: `No draft ${clip.draftId} in the file or this browser.` });
    else if (sources && !sources.has(clip.sourceId)) rejected.push({ path: `clips[${index}].sourceId`, reason: `Draft ${clip.draftId} has no source ${clip.sourceId}.` });
  });
  if (rejected.length > 0) return { ok: false, rejected };
  return { ok: true, backup: makeBackup(drafts, clips, revisions, envelope.data.exportedAt) };
}
