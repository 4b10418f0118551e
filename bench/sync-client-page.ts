/**
 * The in-page side of bench/sync-client.bench.ts: bundled into a page of the built extension, so the
 * product's store and sync code run in Chromium on the extension's own IndexedDB, and the extension's
 * worker drains the queue. Each figure's baseline is measured here too, in the same page.
 */
import { Dexie, type EntityTable } from 'dexie';
import { draftFromCapture } from '../src/core/clip-ops.ts';
import type { Draft } from '../src/core/draft.ts';
import type { SyncOpInput } from '../src/core/sync/ops.ts';
import { db } from '../src/store/db.ts';
import { saveCapture } from '../src/store/drafts.ts';
import { saveFieldEdits } from '../src/store/editing.ts';
import { saveSettings } from '../src/store/settings.ts';
import { readEngine } from '../src/sync/state.ts';
import { send } from '../src/ui/send.ts';
import { capture } from '../test/unit/support/fixtures.ts';

const PUSH_BATCH = 200;

/** Each editor save of a long text (the draft and its sync op), then a bare Dexie put of the row it stored. */
async function editTimes(edits: number): Promise<{ synced: number[]; bare: number[] }> {
  const store = db();
  const bare = new Dexie('bench-bare-drafts') as Dexie & { drafts: EntityTable<Draft, 'id'> };
  bare.version(1).stores({ drafts: 'id, updatedAt, *quotedUrls' });
  const { draft } = await saveCapture(capture(), 'new', { store });
  let text = draft.rationale;
  const times = { synced: [] as number[], bare: [] as number[] };
  for (let i = 0; i < edits; i += 1) {
    const next = `${text} Sentence ${i} of the rationale, typed a little at a time.`;
    let started = performance.now();
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: text, value: next }], store);
    times.synced.push(performance.now() - started);
    const row = (await store.drafts.get(draft.id))!;
    started = performance.now();
    await bare.drafts.put(row);
    times.bare.push(performance.now() - started);
    text = next;
  }
  bare.close();
  await Dexie.delete('bench-bare-drafts');
  return times;
}

/** A week offline: a new draft, then edits of two fields in turn until `total` ops wait (one field alone would fold into one op). */
async function queueEdits(total: number): Promise<SyncOpInput[]> {
  const store = db();
  const { draft } = draftFromCapture(capture({ url: 'https://offline.example/week' }));
  await store.drafts.put(draft);
  let [title, summary] = [draft.title, draft.summary];
  for (let i = 1; (await store.syncOps.count()) < total; i += 1) {
    const edit = i % 2 === 0 ? { path: 'title' as const, base: title, value: `Title, version ${i}` } : { path: 'summary' as const, base: summary, value: `${summary} Line ${i}.` };
    await saveFieldEdits(draft.id, [edit], store);
    if (edit.path === 'title') title = edit.value;
    else summary = edit.value;
  }
  return (await store.syncOps.orderBy('seq').toArray()).map((row) => row.op);
}

/** The same ops POSTed with bare fetch, in the engine's batch size, as a device of their own (new client and draft ids). */
async function barePushMs(archiveUrl: string, token: string, queued: SyncOpInput[]): Promise<number> {
  const clientId = crypto.randomUUID();
  const draftIds = new Map<string, string>();
  const ops = queued.map((op) => {
    if (!draftIds.has(op.draftId)) draftIds.set(op.draftId, crypto.randomUUID());
    return { ...op, draftId: draftIds.get(op.draftId)!, opId: crypto.randomUUID() };
  });
  const started = performance.now();
  for (let at = 0; at < ops.length; at += PUSH_BATCH) {
    const response = await fetch(`${archiveUrl}/v1/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, ops: ops.slice(at, at + PUSH_BATCH) }),
    });
    if (!response.ok) throw new Error(`bare push: ${response.status} ${await response.text()}`);
    await response.json();
  }
  return performance.now() - started;
}

/** Sets the archive up and asks the extension's worker to sync, as a page opening does; the time until the queue is empty and the pull done. */
async function drainMs(archiveUrl: string, token: string): Promise<number> {
  const store = db();
  await saveSettings({ archiveUrl, token }, store);
  const started = performance.now();
  const asked = await send('sync.now', {});
  if (!asked.ok) throw new Error(asked.error);
  for (;;) {
    const [left, engine] = await Promise.all([store.syncOps.count(), readEngine(store)]);
    if (left === 0 && engine.syncedAt) return performance.now() - started;
    if (engine.lastError) throw new Error(`drain: ${engine.lastError}`);
    if (performance.now() - started > 300_000) throw new Error(`drain: ${left} ops still queued`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

Object.assign(globalThis, { benchSync: { editTimes, queueEdits, barePushMs, drainMs } });
