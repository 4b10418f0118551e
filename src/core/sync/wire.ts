/** The bodies of `POST /v1/sync/push` and `POST /v1/sync/pull`, shared by the archive and the extension. */
import { z } from 'zod';
import { OpResult, SyncOp } from './ops.ts';
import { SyncDraft } from './state.ts';

export const MAX_OPS_PER_PUSH = 1_000;
export const MAX_PULL_LIMIT = 1_000;

/**
 * An op the archive could not read still needs its seq to be acknowledged (as rejected), so the envelope
 * accepts anything with a seq; ops are meant to match SyncOp.
 */
const AnyOp = z.union([SyncOp, z.looseObject({ seq: z.number().int().positive() }).meta({ description: 'An op that does not match SyncOp: acknowledged as rejected.' })]);

export const PushRequest = z
  .strictObject({
    /** A random uuid per device (per browser profile), kept for good. */
    clientId: z.uuid(),
    /** Consecutive seqs, oldest first; the first may repeat ones already acknowledged (a retry). */
    ops: z.array(AnyOp).min(1).max(MAX_OPS_PER_PUSH),
  })
  .meta({ id: 'SyncPushRequest' });
export type PushRequest = z.input<typeof PushRequest>;

export const PushResponse = z
  .object({
    /** Every op up to this seq is stored with its result: drop them from the outbox. */
    ackedThrough: z.number().int().nonnegative(),
    results: z.array(OpResult),
  })
  .meta({ id: 'SyncPushResponse' });
export type PushResponse = z.infer<typeof PushResponse>;

export const PullRequest = z
  .strictObject({
    /** From the previous pull; omit for everything. */
    cursor: z.string().max(500).optional(),
    /** Ask for the archive's last acknowledged seq of this device (needed after a reset). */
    clientId: z.uuid().optional(),
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
  })
  .meta({ id: 'SyncPullRequest' });
export type PullRequest = z.input<typeof PullRequest>;

export const PullResponse = z
  .object({
    reset: z.boolean(),
    cursor: z.string(),
    hasMore: z.boolean(),
    drafts: z.array(SyncDraft),
    ackedThrough: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'SyncPullResponse' });
export type PullResponse = z.infer<typeof PullResponse>;

/** 409 to a push that skips seqs: send again from `expectedSeq`. */
export const SeqGapError = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })),
      expectedSeq: z.number().int().positive().optional(),
      ackedThrough: z.number().int().nonnegative().optional(),
    }),
  })
  .meta({ id: 'SyncSeqError' });
