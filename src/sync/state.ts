/** The sync engine's own state, one row, and what the popup and editor say about it. */
import type { ClipperDb } from '../store/db.ts';
import { loadSettings } from '../store/settings.ts';
import { opsOfParkedAccounts } from './accounts.ts';

export interface RejectedOp {
  seq: number;
  draftId: string;
  type: string;
  reason: string;
}

export interface EngineRow {
  /** From the last pull; missing: pull everything. */
  cursor?: string;
  /** Who the token belongs to (asked once per token). */
  user?: { id: string; role: 'editor' | 'reviewer'; token: string };
  /** The token the archive refused: sync waits until it changes. */
  pausedToken?: string;
  failures: number;
  /** Epoch ms before which the worker and the alarm do not try again. */
  retryAt?: number;
  offline?: boolean;
  lastError?: string;
  syncedAt?: string;
  /** Starting over after the archive lost ops: drafts arriving are compared, not overwritten. */
  recovering: boolean;
  /** Ops the archive refused for good: kept to show, never sent again. */
  rejected: RejectedOp[];
}

const KEY = 'engine';

export async function readEngine(store: ClipperDb): Promise<EngineRow> {
  const row = (await store.syncMeta.get(KEY))?.value as Partial<EngineRow> | undefined;
  return { failures: 0, recovering: false, rejected: [], ...row };
}

export async function updateEngine(store: ClipperDb, patch: Partial<EngineRow>): Promise<EngineRow> {
  return store.transaction('rw', store.syncMeta, async () => {
    const next = { ...(await readEngine(store)), ...patch };
    for (const key of Object.keys(patch) as (keyof EngineRow)[]) if (patch[key] === undefined) delete next[key];
    await store.syncMeta.put({ key: KEY, value: next });
    return next;
  });
}

/** `elsewhere` (when there are any): ops kept for an account whose token is not the one saved now. */
type Counts = { rejected: number; elsewhere?: number };
export type SyncState =
  | { kind: 'local' }
  | ({ kind: 'synced' } & Counts)
  | ({ kind: 'waiting'; pending: number } & Counts)
  | ({ kind: 'paused'; pending: number } & Counts)
  | ({ kind: 'offline'; pending: number } & Counts);

/** Where sync stands, in the terms a person cares about. */
export async function syncState(store: ClipperDb): Promise<SyncState> {
  const [settings, engine, pending, elsewhere] = await Promise.all([loadSettings(store), readEngine(store), store.syncOps.count(), opsOfParkedAccounts(store)]);
  if (!settings.archiveUrl || !settings.token) return { kind: 'local' };
  const counts = { rejected: engine.rejected.length, ...(elsewhere > 0 ? { elsewhere } : {}) };
  if (engine.pausedToken === settings.token) return { kind: 'paused', pending, ...counts };
  if (engine.retryAt !== undefined) return { kind: 'offline', pending, ...counts };
  return pending > 0 ? { kind: 'waiting', pending, ...counts } : { kind: 'synced', ...counts };
}
