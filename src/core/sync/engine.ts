/**
 * The archive's sync rules, over any store: each (client, seq) is applied exactly once, in order, in the
 * same transaction as its effects; a replay answers with the stored results; a gap is refused with the seq
 * expected. Versions come from the store's own counter, never from a client's clock. The server's SQL store
 * (server/sync/store.ts) and the property test's in-memory store both run this code.
 */
import { applyOp } from './apply.ts';
import type { OpResult } from './ops.ts';
import { visibleTo, type SyncDraft, type SyncUser } from './state.ts';

export interface StoredResult extends OpResult {
  opId: string | null;
  draftId: string | null;
  /** The version the op's change got (null when it changed nothing). */
  version: number | null;
}

/** What push needs from a store, inside one transaction that the caller commits. */
export interface SyncWriteTx {
  /** The client's user and the highest seq acknowledged, locked until commit; a new client id is claimed for `userId`. */
  client(clientId: string, userId: string): Promise<{ userId: string; ackedThrough: number }>;
  saveClient(clientId: string, userId: string, ackedThrough: number): Promise<void>;
  results(clientId: string, fromSeq: number, toSeq: number): Promise<StoredResult[]>;
  /** The version counter, locked until commit (so versions commit in order and a pull never skips one). */
  version(): Promise<number>;
  setVersion(version: number): Promise<void>;
  drafts(ids: string[]): Promise<SyncDraft[]>;
  saveDrafts(drafts: SyncDraft[]): Promise<void>;
  saveResults(clientId: string, userId: string, results: StoredResult[]): Promise<void>;
}

export interface OpEnvelope {
  seq: number;
  opId?: unknown;
  draftId?: unknown;
}

export type PushOutcome =
  | { kind: 'done'; ackedThrough: number; results: OpResult[] }
  | { kind: 'gap'; expectedSeq: number; ackedThrough: number }
  | { kind: 'not_consecutive'; seq: number }
  | { kind: 'foreign_client' }
  | { kind: 'seq_reused'; seq: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const publicResult = ({ seq, status, reason }: OpResult): OpResult => (reason === undefined ? { seq, status } : { seq, status, reason });

export async function push(tx: SyncWriteTx, user: SyncUser, clientId: string, ops: OpEnvelope[]): Promise<PushOutcome> {
  const broken = ops.findIndex((op, index) => op.seq !== ops[0]!.seq + index);
  if (broken > 0) return { kind: 'not_consecutive', seq: ops[broken]!.seq };
  const client = await tx.client(clientId, user.id);
  if (client.userId !== user.id) return { kind: 'foreign_client' };
  const acked = client.ackedThrough;
  const replayed = ops.filter((op) => op.seq <= acked);
  const fresh = ops.filter((op) => op.seq > acked);
  if (fresh.length > 0 && fresh[0]!.seq !== acked + 1) return { kind: 'gap', expectedSeq: acked + 1, ackedThrough: acked };

  const stored = replayed.length > 0 ? await tx.results(clientId, replayed[0]!.seq, replayed[replayed.length - 1]!.seq) : [];
  for (const op of replayed) {
    const record = stored.find((result) => result.seq === op.seq);
    if (record && record.opId !== null && typeof op.opId === 'string' && record.opId !== op.opId) return { kind: 'seq_reused', seq: op.seq };
  }
  const results = replayed.map((op) => stored.find((result) => result.seq === op.seq) ?? { seq: op.seq, status: 'rejected' as const, reason: 'forgotten' });
  // A retry of older ops acknowledges only what it carried: the device still needs the results of the rest.
  if (fresh.length === 0) return { kind: 'done', ackedThrough: Math.min(acked, ops[ops.length - 1]?.seq ?? acked), results: results.map(publicResult) };

  let version = await tx.version();
  // Draft ids compare in lower case, as the database's uuid type does, so one draft is never two.
  const idOf = (op: OpEnvelope) => (isUuid(op.draftId) ? op.draftId.toLowerCase() : null);
  const drafts = new Map((await tx.drafts(fresh.map(idOf).filter((id) => id !== null))).map((draft) => [draft.id, draft]));
  const dirty = new Set<string>();
  const applied: StoredResult[] = [];
  for (const op of fresh) {
    const draftId = idOf(op);
    const outcome = applyOp(draftId ? drafts.get(draftId) : undefined, draftId ? { ...op, draftId } : op, { userId: user.id, role: user.role, clientId, version: version + 1 });
    if (outcome.draft) {
      version += 1;
      drafts.set(outcome.draft.id, outcome.draft);
      dirty.add(outcome.draft.id);
    }
    applied.push({
      seq: op.seq,
      status: outcome.status,
      ...(outcome.reason === undefined ? {} : { reason: outcome.reason }),
      opId: typeof op.opId === 'string' ? op.opId.slice(0, 100) : null,
      draftId,
      version: outcome.draft ? version : null,
    });
  }
  await tx.saveDrafts([...dirty].map((id) => drafts.get(id)!));
  await tx.saveResults(clientId, user.id, applied);
  const ackedThrough = fresh[fresh.length - 1]!.seq;
  await tx.saveClient(clientId, user.id, ackedThrough);
  await tx.setVersion(version);
  return { kind: 'done', ackedThrough, results: [...results, ...applied].map(publicResult) };
}

function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** What pull needs from a store, read from one consistent snapshot. */
export interface SyncReadTx {
  meta(): Promise<{ epoch: string; version: number }>;
  /** Drafts `user` may see whose version is above `afterVersion`, oldest change first, at most `limit`. */
  changedDrafts(user: SyncUser, afterVersion: number, limit: number): Promise<SyncDraft[]>;
  ackedThrough(clientId: string, userId: string): Promise<number | undefined>;
}

export interface PullPage {
  /** True when the cursor is from another epoch or ahead of the archive (restored from a backup): start again from `cursor`, and re-send ops after `ackedThrough`. */
  reset: boolean;
  cursor: string;
  hasMore: boolean;
  drafts: SyncDraft[];
  /** The highest seq of `clientId` the archive holds (0 when it knows none). */
  ackedThrough?: number;
}

export class BadCursor extends Error {}

// The cursor text is ASCII JSON (the epoch is hex), so btoa/atob serve in browsers and Node alike.
export function encodeCursor(epoch: string, version: number): string {
  return btoa(JSON.stringify({ e: epoch, v: version })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): { epoch: string; version: number } {
  try {
    const { e, v } = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as { e: unknown; v: unknown };
    if (typeof e === 'string' && Number.isSafeInteger(v) && (v as number) >= 0) return { epoch: e, version: v as number };
  } catch {
    // fall through
  }
  throw new BadCursor('The cursor is not one this archive issued.');
}

export async function pull(tx: SyncReadTx, user: SyncUser, cursor: string | undefined, limit: number, clientId?: string): Promise<PullPage> {
  const meta = await tx.meta();
  const from = cursor === undefined ? { epoch: meta.epoch, version: 0 } : decodeCursor(cursor);
  const ackedThrough = clientId === undefined ? undefined : ((await tx.ackedThrough(clientId, user.id)) ?? 0);
  const extra = ackedThrough === undefined ? {} : { ackedThrough };
  if (from.epoch !== meta.epoch || from.version > meta.version) {
    return { reset: true, cursor: encodeCursor(meta.epoch, 0), hasMore: true, drafts: [], ...extra };
  }
  const rows = await tx.changedDrafts(user, from.version, limit + 1);
  const hasMore = rows.length > limit;
  const drafts = rows.slice(0, limit).filter((draft) => visibleTo(draft, user));
  const last = hasMore ? rows[limit - 1]!.rev : meta.version;
  return { reset: false, cursor: encodeCursor(meta.epoch, last), hasMore, drafts, ...extra };
}
