/**
 * One browser profile, several archive accounts over time (a token of another user saved in Options). The
 * device's client id, its queued ops and the pull cursor belong to one account, known by the archive's
 * user id (a uuid, so a user of another archive is another account too; the same archive at a new address
 * is not): the archive ties a client id to the user who first used it. When the token turns out to be another
 * user's, the previous account's queue is parked whole in `syncMeta` (never sent as the new user, never
 * dropped), the new account gets its own client id (or takes back what it parked before) and pulls from
 * the start. Drafts stay on the device; edits made meanwhile to a parked account's drafts join its queue.
 */
import type { ClipperDb, SyncOpRow } from '../store/db.ts';
import { readClient, takeUnsentOps, writeClient, type ClientRow } from '../store/sync-outbox.ts';
import { readEngine, updateEngine } from './state.ts';

const PARKED = 'parked:';

interface ParkedAccount {
  client: ClientRow;
  ops: SyncOpRow[];
  cursor?: string;
  recovering: boolean;
  /** Drafts that are this account's: its archive copies and the drafts its queued ops touch. */
  drafts: string[];
}

const SYNC_TABLES = (store: ClipperDb) => [store.syncOps, store.syncCopies, store.syncMeta];

async function parkedAccounts(store: ClipperDb): Promise<{ key: string; value: ParkedAccount }[]> {
  return (await store.syncMeta.where('key').startsWith(PARKED).toArray()) as { key: string; value: ParkedAccount }[];
}

/** Makes `account` (a user id) the one this device syncs as, parking the previous one if it was another. */
export async function useAccount(store: ClipperDb, account: string): Promise<void> {
  await store.transaction('rw', SYNC_TABLES(store), async () => {
    const client = await readClient(store);
    if (client?.account === account) return;
    // The first sync (or a device from before accounts): the queue so far is this account's.
    if (!client?.account) return writeClient(store, { clientId: crypto.randomUUID(), nextSeq: 1, ...client, account });
    const engine = await readEngine(store);
    const ops = await store.syncOps.toArray();
    const copies = await store.syncCopies.filter((row) => row.copy?.ownerId === client.account).primaryKeys();
    const parked: ParkedAccount = { client, ops, recovering: engine.recovering, drafts: [...new Set([...copies, ...ops.map((row) => row.draftId)])], ...(engine.cursor ? { cursor: engine.cursor } : {}) };
    await store.syncMeta.put({ key: PARKED + client.account, value: parked });
    await store.syncOps.clear();
    const back = (await store.syncMeta.get(PARKED + account))?.value as ParkedAccount | undefined;
    await store.syncMeta.delete(PARKED + account);
    await store.syncOps.bulkAdd(back?.ops ?? []);
    await writeClient(store, back?.client ?? { clientId: crypto.randomUUID(), nextSeq: 1, account });
    await updateEngine(store, { cursor: back?.cursor, recovering: back?.recovering ?? false });
  });
}

/** Drafts a parked account holds: the account syncing now must not send them as its own. */
export async function draftsOfParkedAccounts(store: ClipperDb): Promise<Set<string>> {
  return new Set((await parkedAccounts(store)).flatMap((row) => row.value.drafts));
}

/** Never-sent edits to a parked account's drafts leave this account's queue for that one's. */
export async function moveOpsToTheirAccounts(store: ClipperDb): Promise<void> {
  await store.transaction('rw', SYNC_TABLES(store), async () => {
    const parked = await parkedAccounts(store);
    const ownerOf = new Map(parked.flatMap((row) => row.value.drafts.map((id) => [id, row] as const)));
    if (ownerOf.size === 0) return;
    const taken = await takeUnsentOps(store, (row) => ownerOf.has(row.draftId));
    for (const row of taken) {
      const account = ownerOf.get(row.draftId)!.value;
      const seq = account.client.nextSeq;
      account.ops.push({ ...row, seq, op: { ...row.op, seq } });
      account.client = { ...account.client, nextSeq: seq + 1 };
    }
    if (taken.length > 0) await store.syncMeta.bulkPut(parked);
  });
}

/** How many ops wait for an account whose token is not the one saved now. */
export async function opsOfParkedAccounts(store: ClipperDb): Promise<number> {
  return (await parkedAccounts(store)).reduce((sum, row) => sum + row.value.ops.length, 0);
}
