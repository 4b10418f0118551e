/**
 * Every write of a draft also queues its sync ops, in the same IndexedDB transaction: a middleware under
 * all of the store's draft writes (so there is no second write path to forget), which widens each
 * read-write transaction on `drafts` to the sync tables. The sync engine's own writes (the archive's state
 * arriving) are marked with `withoutOps` and queue nothing.
 */
import { Dexie, type DBCore, type DBCoreKeyRange, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Draft } from '../core/draft.ts';
import { opsForEdit } from '../core/sync/draft-ops.ts';
import type { OpBody, SyncOpInput } from '../core/sync/ops.ts';
import type { ClipperDb, KeyValueRow, SyncCopyRow, SyncOpRow } from './db.ts';

export const SYNC_TABLES = ['syncOps', 'syncCopies', 'syncMeta'] as const;
const CLIENT_KEY = 'client';

/** This device's id for the archive and the seq its next op gets. */
export interface ClientRow {
  clientId: string;
  nextSeq: number;
  /** The highest seq a push may have carried: ops up to it are never changed, since the archive may hold them. */
  sentThrough?: number;
  /** The archive user this id was claimed for (src/sync/accounts.ts); missing until the first sync. */
  account?: string;
}

const quiet = new WeakSet<object>();

/** Marks the current Dexie transaction: its draft writes come from the archive and queue no ops. */
export function withoutOps(): void {
  const trans = Dexie.currentTransaction?.idbtrans;
  if (trans) quiet.add(trans);
}

/** The tables one transaction's appends go through (core tables inside the middleware, Dexie tables elsewhere). */
export interface OpSink {
  meta(key: string): Promise<unknown>;
  putMeta(row: KeyValueRow): Promise<void>;
  addOps(rows: SyncOpRow[]): Promise<void>;
  replaceOp(row: SyncOpRow): Promise<void>;
  lastOp(): Promise<SyncOpRow | undefined>;
}

/**
 * The queue's last op, if never sent, made to carry `body` too: typing in one field queues one op per
 * field, not one per save. Its base stays the first edit's, so the archive judges the whole change.
 */
function folded(client: ClientRow, last: SyncOpRow | undefined, body: OpBody): SyncOpRow | undefined {
  if (!last || last.seq <= (client.sentThrough ?? 0) || (body.type !== 'text' && body.type !== 'set')) return undefined;
  const op = last.op;
  if (op.type !== body.type || op.draftId !== body.draftId || op.field !== body.field) return undefined;
  return { ...last, op: { ...op, value: body.value } as SyncOpInput };
}

/** Numbers `bodies` with this device's next seqs and queues them; creates the device's id on its first op. */
export async function appendOps(sink: OpSink, bodies: OpBody[]): Promise<void> {
  if (bodies.length === 0) return;
  // One round of reads: inside the middleware, each further wait risks losing Dexie's transaction zone.
  const [stored, last] = await Promise.all([sink.meta(CLIENT_KEY) as Promise<ClientRow | undefined>, sink.lastOp()]);
  const client = stored ?? { clientId: crypto.randomUUID(), nextSeq: 1 };
  const row = bodies.length === 1 ? folded(client, last, bodies[0]!) : undefined;
  if (row) return sink.replaceOp(row);
  const rows = bodies.map((body, index): SyncOpRow => {
    const seq = client.nextSeq + index;
    return { seq, draftId: body.draftId, op: { ...body, seq, opId: crypto.randomUUID() } as SyncOpInput };
  });
  await sink.addOps(rows);
  await sink.putMeta({ key: CLIENT_KEY, value: { ...client, nextSeq: client.nextSeq + bodies.length } });
}

let queued: () => void = () => undefined;

/** Who to tell after a transaction that queued ops committed (the page or worker that runs sync). */
export function onOpsQueued(listener: () => void): void {
  queued = listener;
}

/** Queues `bodies` inside a Dexie transaction that includes `syncOps` and `syncMeta`. */
export async function queueOps(store: ClipperDb, bodies: OpBody[]): Promise<void> {
  await appendOps(
    {
      meta: async (key) => (await store.syncMeta.get(key))?.value,
      putMeta: async (row) => void (await store.syncMeta.put(row)),
      addOps: async (rows) => void (await store.syncOps.bulkAdd(rows)),
      replaceOp: async (row) => void (await store.syncOps.put(row)),
      lastOp: () => store.syncOps.orderBy('seq').last(),
    },
    bodies,
  );
  Dexie.currentTransaction?.idbtrans.addEventListener('complete', () => queued());
}

/** This device's id for the archive (made on its first op). */
export async function clientOf(store: ClipperDb): Promise<ClientRow> {
  return store.transaction('rw', store.syncMeta, async () => {
    const client = ((await store.syncMeta.get(CLIENT_KEY))?.value as ClientRow | undefined) ?? { clientId: crypto.randomUUID(), nextSeq: 1 };
    await store.syncMeta.put({ key: CLIENT_KEY, value: client });
    return client;
  });
}

/** The client row, read or written inside a transaction on `syncMeta` (the sync engine's account switch). */
export const readClient = async (store: ClipperDb): Promise<ClientRow | undefined> => (await store.syncMeta.get(CLIENT_KEY))?.value as ClientRow | undefined;
export const writeClient = async (store: ClipperDb, client: ClientRow): Promise<void> => void (await store.syncMeta.put({ key: CLIENT_KEY, value: client }));

/**
 * Takes the never-sent ops that `take` picks out of the queue and returns them; the rest are renumbered so
 * the seqs stay consecutive. Inside a transaction on the sync tables.
 */
export async function takeUnsentOps(store: ClipperDb, take: (row: SyncOpRow) => boolean): Promise<SyncOpRow[]> {
  const client = await readClient(store);
  if (!client) return [];
  const unsent = await store.syncOps.where('seq').above(client.sentThrough ?? 0).toArray();
  const taken = unsent.filter(take);
  if (taken.length === 0) return [];
  const from = (client.sentThrough ?? 0) + 1;
  const kept = unsent.filter((row) => !take(row)).map((row, index) => ({ ...row, seq: from + index, op: { ...row.op, seq: from + index } }));
  await store.syncOps.bulkDelete(unsent.map((row) => row.seq));
  await store.syncOps.bulkAdd(kept);
  await writeClient(store, { ...client, nextSeq: from + kept.length });
  return taken;
}

/** Notes, before a push, that ops up to `seq` may reach the archive: from now on they never change. */
export async function markSent(store: ClipperDb, seq: number): Promise<void> {
  await store.transaction('rw', store.syncMeta, async () => {
    const client = (await store.syncMeta.get(CLIENT_KEY))?.value as ClientRow;
    if ((client.sentThrough ?? 0) < seq) await store.syncMeta.put({ key: CLIENT_KEY, value: { ...client, sentThrough: seq } });
  });
}

/**
 * The archive expects `expectedSeq` next (it lost later ones, or a reply was lost): queued ops it already
 * holds leave, and the rest are renumbered from `expectedSeq`. Inside a transaction on the sync tables.
 */
export async function renumberOps(store: ClipperDb, expectedSeq: number): Promise<void> {
  await store.syncOps.where('seq').below(expectedSeq).delete();
  const rows = await store.syncOps.orderBy('seq').toArray();
  const client = (await store.syncMeta.get(CLIENT_KEY))?.value as ClientRow;
  await store.syncOps.clear();
  await store.syncOps.bulkAdd(rows.map((row, index) => ({ ...row, seq: expectedSeq + index, op: { ...row.op, seq: expectedSeq + index } })));
  await store.syncMeta.put({ key: CLIENT_KEY, value: { ...client, nextSeq: Math.max(expectedSeq + rows.length, 1), sentThrough: expectedSeq - 1 } });
}

function coreSink(down: DBCore, trans: DBCoreTransaction): OpSink {
  const meta = down.table('syncMeta');
  return {
    meta: async (key) => ((await meta.get({ trans, key })) as KeyValueRow | undefined)?.value,
    putMeta: async (row) => void (await meta.mutate({ type: 'put', trans, values: [row] })),
    addOps: async (rows) => void (await down.table('syncOps').mutate({ type: 'add', trans, values: rows })),
    replaceOp: async (row) => void (await down.table('syncOps').mutate({ type: 'put', trans, values: [row] })),
    lastOp: async () => {
      const ops = down.table('syncOps');
      const range = { type: 3 } as DBCoreKeyRange; // DBCoreRangeType.Any
      const { result } = await ops.query({ trans, values: true, limit: 1, direction: 'prev', query: { index: ops.schema.primaryKey, range } });
      return result[0] as SyncOpRow | undefined;
    },
  };
}

function opsOfWrite(down: DBCore, drafts: DBCoreTable) {
  return async (trans: DBCoreTransaction, values: Draft[]): Promise<OpBody[]> => {
    const keys = values.map((draft) => draft.id);
    const [before, copies] = await Promise.all([
      drafts.getMany({ trans, keys }) as Promise<(Draft | undefined)[]>,
      down.table('syncCopies').getMany({ trans, keys }) as Promise<(SyncCopyRow | undefined)[]>,
    ]);
    return values.flatMap((draft, index) => opsForEdit(before[index], draft, copies[index]?.copy?.rev ?? 0));
  };
}

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'syncOutbox',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && stores.includes('drafts') && SYNC_TABLES.every((name) => down.schema.tables.some((table) => table.name === name));
      return down.transaction(widen ? [...new Set([...stores, ...SYNC_TABLES])] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== 'drafts') return table;
      const opsOf = opsOfWrite(down, table);
      return {
        ...table,
        async mutate(request) {
          const { trans } = request;
          const upgrading = (trans as unknown as IDBTransaction).mode === 'versionchange';
          if ((request.type !== 'put' && request.type !== 'add') || quiet.has(trans) || upgrading) return table.mutate(request);
          const ops = await opsOf(trans, request.values as Draft[]);
          const result = await table.mutate(request);
          await appendOps(coreSink(down, trans), ops);
          if (ops.length > 0) (trans as unknown as IDBTransaction).addEventListener('complete', () => queued());
          return result;
        },
      };
    },
  }),
};
