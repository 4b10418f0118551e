/**
 * A draft as the archive keeps it for sync, and as every device receives it: each field is a register that
 * remembers the version that last changed it and the device (client id) that did, so an edit can be judged
 * against what its device had seen. Rows (sources, quotes) are keyed by uuid and deleted as tombstones.
 */
import { z } from 'zod';
import { LIST_FIELDS, SINGLE_FIELDS, TEXT_FIELDS } from './ops.ts';

export const Register = z.object({
  v: z.unknown(),
  /** The server version that last changed it. */
  rev: z.number().int().nonnegative(),
  /** The client id of the device that changed it. */
  by: z.string(),
});
export type Register = z.infer<typeof Register>;

export const SyncRow = z.object({
  id: z.uuid(),
  fields: z.record(z.string(), Register),
  /** A tombstone: the row's values are kept so it can be restored. */
  deleted: z.boolean(),
  rev: z.number().int().nonnegative(),
});
export type SyncRow = z.infer<typeof SyncRow>;

export const CONFLICT_KINDS = ['field', 'text', 'row_deleted'] as const;

export const Conflict = z
  .object({
    id: z.string(),
    kind: z.enum(CONFLICT_KINDS),
    /** `title`, `summary`, `source:<id>.publisher`, `quote:<id>.note`, or a row (`source:<id>`). */
    path: z.string(),
    /** Long texts: the text both sides started from. */
    base: z.unknown().optional(),
    /** What the op that clashed wanted (for a deleted row: the edit kept for a restore). */
    ours: z.unknown(),
    /** What the archive kept. */
    theirs: z.unknown(),
    userId: z.string(),
    clientId: z.string(),
    seq: z.number().int().positive(),
    rev: z.number().int().nonnegative(),
    resolved: z.object({ userId: z.string(), clientId: z.string(), rev: z.number().int().nonnegative() }).optional(),
  })
  .meta({ id: 'SyncConflict' });
export type Conflict = z.infer<typeof Conflict>;

export const SyncDraft = z
  .object({
    id: z.uuid(),
    ownerId: z.string(),
    /** The server version of the draft's last change: send it as `baseRev` with edits made on this copy. */
    rev: z.number().int().nonnegative(),
    /** Who made the last change (user id). */
    updatedBy: z.string(),
    fields: z.record(z.enum(SINGLE_FIELDS), Register),
    texts: z.record(z.enum(TEXT_FIELDS), Register),
    lists: z.record(z.enum(LIST_FIELDS), z.array(z.string())),
    sources: z.record(z.string(), SyncRow),
    quotes: z.record(z.string(), SyncRow),
    conflicts: z.array(Conflict),
    /**
     * For each device (client id), the seq of its last op this copy reflects: a device replaying its pending
     * ops over a pulled copy skips those the copy already holds, even before their acknowledgement arrives.
     */
    applied: z.record(z.string(), z.number().int().nonnegative()),
  })
  .meta({ id: 'SyncDraft' });
export type SyncDraft = z.infer<typeof SyncDraft>;

export interface SyncUser {
  id: string;
  role: 'editor' | 'reviewer';
}

/** A draft syncs to every device of its author; once sent to review, reviewers may read it too. */
export function visibleTo(draft: Pick<SyncDraft, 'ownerId' | 'fields'>, user: SyncUser): boolean {
  return draft.ownerId === user.id || (user.role === 'reviewer' && draft.fields.reviewState.v !== 'draft');
}

/** The current value of a single-value field, text or row field. */
export const valueOf = (register: Register | undefined): unknown => register?.v ?? null;

export function openConflicts(draft: SyncDraft): Conflict[] {
  return draft.conflicts.filter((conflict) => !conflict.resolved);
}
