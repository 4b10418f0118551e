/**
 * The sync engine: sends the queued ops (push), then takes what changed on the archive (pull). One drain
 * at a time across the worker and every page (a Web Lock). An op leaves the queue only once the archive
 * acknowledged its seq, so a drain killed at any point resumes from IndexedDB and the archive answers a
 * repeat with what it stored the first time. A 401 pauses until the token changes; network errors, 5xx
 * and 429 wait, longer each time, as long as `Retry-After` says (up to a cap).
 */
import type { ApiFailure, ArchiveClient } from '../archive/client.ts';
import { MAX_OPS_PER_PUSH } from '../core/sync/wire.ts';
import { opsForEdit } from '../core/sync/draft-ops.ts';
import type { ClipperDb } from '../store/db.ts';
import { readDraftIds, readDrafts } from '../store/draft-read.ts';
import { loadSettings } from '../store/settings.ts';
import { clientOf, markSent, queueOps, renumberOps } from '../store/sync-outbox.ts';
import { draftsOfParkedAccounts, moveOpsToTheirAccounts, useAccount } from './accounts.ts';
import { receiveDraft } from './receive.ts';
import { readEngine, updateEngine, type EngineRow } from './state.ts';

const LOCK = 'incident-clipper-sync';
const PUSH_BATCH = Math.min(200, MAX_OPS_PER_PUSH);
const PULL_LIMIT = 200;
export const FIRST_BACKOFF_MS = 5_000;
export const MAX_BACKOFF_MS = 10 * 60_000;
/** The longest a `Retry-After` can hold sync back. */
export const MAX_RETRY_AFTER_MS = 30 * 60_000;

export interface SyncDeps {
  store: ClipperDb;
  clientFor: (archiveUrl: string, token: string) => ArchiveClient;
  now?: () => number;
  /** A person asked (or a page opened): try now even while waiting out a backoff. */
  force?: boolean;
}

class Stop extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

let localTurn: Promise<unknown> = Promise.resolve();

/** Runs `task` when no other drain runs, in this context or (with Web Locks) in any page or the worker. */
function inTurn<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && navigator.locks) return navigator.locks.request(LOCK, task);
  const run = localTurn.then(task, task);
  localTurn = run.catch(() => undefined);
  return run;
}

/** One drain: push everything queued, then pull everything new. Resolves when done, paused or waiting. */
export function syncNow(deps: SyncDeps): Promise<void> {
  return inTurn(() => drain(deps));
}

async function drain({ store, clientFor, now = Date.now, force = false }: SyncDeps): Promise<void> {
  const settings = await loadSettings(store);
  if (!settings.archiveUrl || !settings.token) return;
  const engine = await readEngine(store);
  if (engine.pausedToken === settings.token) return;
  if (!force && engine.retryAt !== undefined && now() < engine.retryAt) return;
  const client = clientFor(settings.archiveUrl, settings.token);
  try {
    const user = engine.user?.token === settings.token ? engine.user : await whoAmI(client, settings.token);
    if (engine.user?.token !== settings.token) await updateEngine(store, { user });
    await useAccount(store, user.id);
    const { clientId } = await clientOf(store);
    await queueUnsentDrafts(store);
    await push(store, client, clientId);
    await pull(store, client, { id: user.id, role: user.role }, clientId, now);
    await updateEngine(store, { failures: 0, retryAt: undefined, lastError: undefined, pausedToken: undefined, syncedAt: new Date(now()).toISOString() });
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    await stopped(store, engine, error.failure, settings.token, now());
  }
}

async function stopped(store: ClipperDb, engine: EngineRow, failure: ApiFailure, token: string, now: number): Promise<void> {
  if (failure.kind === 'http' && failure.status === 401) {
    await updateEngine(store, { pausedToken: token, lastError: failure.message });
    return;
  }
  const failures = engine.failures + 1;
  const backoff = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  const asked = failure.kind === 'http' ? failure.retryAfterMs : undefined;
  const wait = asked === undefined ? backoff : Math.min(MAX_RETRY_AFTER_MS, asked);
  await updateEngine(store, { failures, retryAt: now + wait, lastError: failure.message, offline: failure.kind === 'network' });
}

async function whoAmI(client: ArchiveClient, token: string): Promise<NonNullable<EngineRow['user']>> {
  const me = await client.me();
  if (!me.ok) throw new Stop(me.failure);
  return { id: me.value.user.id, role: me.value.user.role === 'reviewer' ? 'reviewer' : 'editor', token };
}

/** Drafts the archive has never had (made before sync, or imported) and no other account holds: queued whole, once. */
async function queueUnsentDrafts(store: ClipperDb): Promise<void> {
  await store.transaction('rw', [store.drafts, store.syncOps, store.syncCopies, store.syncMeta], async () => {
    const [ids, known, queued, elsewhere] = await Promise.all([
      readDraftIds(store),
      store.syncCopies.toCollection().primaryKeys(),
      store.syncOps.toArray(),
      draftsOfParkedAccounts(store),
    ]);
    const skip = new Set([...known, ...elsewhere, ...queued.filter((row) => row.op.type === 'create').map((row) => row.draftId)]);
    const unsent = await readDrafts(store, ids.filter((id) => !skip.has(id)));
    await queueOps(store, unsent.flatMap((draft) => opsForEdit(undefined, draft, 0)));
  });
}

async function push(store: ClipperDb, client: ArchiveClient, clientId: string): Promise<void> {
  for (let gaps = 0; ; ) {
    await moveOpsToTheirAccounts(store);
    const rows = await store.syncOps.orderBy('seq').limit(PUSH_BATCH).toArray();
    if (rows.length === 0) return;
    await markSent(store, rows[rows.length - 1]!.seq);
    const reply = await client.syncPush({ clientId, ops: rows.map((row) => row.op) });
    if (!reply.ok) {
      const expected = reply.failure.kind === 'http' && reply.failure.status === 409 ? reply.failure.expectedSeq : undefined;
      if (expected === undefined || (gaps += 1) > 1) throw new Stop(reply.failure);
      await archiveLostOps(store, expected);
      continue;
    }
    await acknowledge(store, rows, reply.value);
  }
}

/** Drops what the archive stored; keeps its refusals for the person, and notes which drafts it now has. */
async function acknowledge(store: ClipperDb, sent: { seq: number; draftId: string; op: { type: string } }[], reply: { ackedThrough: number; results: { seq: number; status: string; reason?: string }[] }): Promise<void> {
  await store.transaction('rw', [store.syncOps, store.syncCopies, store.syncMeta], async () => {
    const acked = sent.filter((row) => row.seq <= reply.ackedThrough);
    await store.syncOps.bulkDelete(acked.map((row) => row.seq));
    const known = new Set(await store.syncCopies.toCollection().primaryKeys());
    // Noted even when refused: a draft the archive will not take is shown as refused, not sent whole again.
    const fresh = new Set(acked.map((row) => row.draftId).filter((id) => !known.has(id)));
    await store.syncCopies.bulkPut([...fresh].map((id) => ({ id })));
    const refused = reply.results.filter((result) => result.status === 'rejected');
    if (refused.length === 0) return;
    const engine = await readEngine(store);
    const rejected = [
      ...engine.rejected,
      ...refused.map((result) => {
        const row = sent.find((candidate) => candidate.seq === result.seq);
        return { seq: result.seq, draftId: row?.draftId ?? '', type: row?.op.type ?? '', reason: result.reason ?? '' };
      }),
    ].slice(-100);
    await updateEngine(store, { rejected });
  });
}

/**
 * The archive holds fewer of this device's ops than were acknowledged (restored from a backup): the queue
 * is renumbered from the seq it expects, and the next pull starts over and sends again whatever the
 * device's drafts hold that the archive lost.
 */
async function archiveLostOps(store: ClipperDb, expectedSeq: number): Promise<void> {
  await store.transaction('rw', [store.syncOps, store.syncCopies, store.syncMeta], async () => {
    await renumberOps(store, expectedSeq);
    await store.syncCopies.clear();
    await updateEngine(store, { cursor: undefined, recovering: true });
  });
}

async function pull(store: ClipperDb, client: ArchiveClient, user: { id: string; role: 'editor' | 'reviewer' }, clientId: string, now: () => number): Promise<void> {
  for (let resets = 0; ; ) {
    const engine = await readEngine(store);
    const reply = await client.syncPull({ ...(engine.cursor ? { cursor: engine.cursor } : {}), clientId, limit: PULL_LIMIT });
    if (!reply.ok) throw new Stop(reply.failure);
    const page = reply.value;
    if (page.reset) {
      if ((resets += 1) > 2) throw new Stop({ kind: 'malformed', status: 200, message: 'The archive keeps asking to start sync over.' });
      await archiveLostOps(store, (page.ackedThrough ?? 0) + 1);
      await updateEngine(store, { cursor: page.cursor });
      continue;
    }
    const at = new Date(now()).toISOString();
    for (const draft of page.drafts) await receiveDraft(draft, { store, user, clientId, now: at, recovering: engine.recovering });
    await updateEngine(store, { cursor: page.cursor });
    if (page.hasMore) continue;
    if (!engine.recovering) return;
    // Starting over found every draft the archive still has; the rest go again whole, then the differences.
    await updateEngine(store, { recovering: false });
    await queueUnsentDrafts(store);
    await push(store, client, clientId);
  }
}
