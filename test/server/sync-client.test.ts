/**
 * The extension's sync engine (src/sync) on fake IndexedDB, against the real archive on PGlite: devices
 * are separate databases of one profile each.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArchiveClient } from '../../src/archive/client.ts';
import { ClipperDb } from '../../src/store/db.ts';
import { saveCapture } from '../../src/store/drafts.ts';
import { conflictsOf, resolveConflict, saveFieldEdits } from '../../src/store/editing.ts';
import { saveSettings } from '../../src/store/settings.ts';
import { queueOps, withoutOps } from '../../src/store/sync-outbox.ts';
import { draftFromCapture } from '../../src/core/clip-ops.ts';
import { syncNow, MAX_RETRY_AFTER_MS } from '../../src/sync/engine.ts';
import { readEngine, syncState } from '../../src/sync/state.ts';
import { capture } from '../unit/support/fixtures.ts';
import { backup, restore, startSyncHarness, type SyncHarness } from './sync-harness.ts';

let harness: SyncHarness;
let root: string;
let url: string;
let devices = 0;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sync-client-'));
  harness = await startSyncHarness({ database: async () => ({ dataDir: path.join(root, 'db') }) });
  url = harness.api.url;
});
afterAll(async () => {
  await harness?.close();
  await rm(root, { recursive: true, force: true });
});

interface Device {
  store: ClipperDb;
  sync(fetchImpl?: typeof fetch, force?: boolean): Promise<void>;
}

async function device(token: string): Promise<Device> {
  devices += 1;
  const store = new ClipperDb(`device-${process.pid}-${devices}`);
  await saveSettings({ archiveUrl: url, token }, store);
  return {
    store,
    sync: (fetchImpl, force = true) => syncNow({ store, clientFor: (base, key) => new ArchiveClient(base, key, fetchImpl), force }),
  };
}

const rationaleOf = async (d: Device, id: string) => (await d.store.drafts.get(id))?.rationale;

describe('sync between two devices of one editor', () => {
  it('a draft made offline on one device reaches the other whole, with its quote', async () => {
    const [laptop, desktop] = [await device(harness.editor.token), await device(harness.editor.token)];
    const { draft, clip } = await saveCapture(capture(), 'new', { store: laptop.store });
    expect(await syncState(laptop.store)).toEqual({ kind: 'waiting', pending: 3, rejected: 0 });
    await laptop.sync();
    expect(await syncState(laptop.store)).toEqual({ kind: 'synced', rejected: 0 });
    await desktop.sync();
    const arrived = await desktop.store.drafts.get(draft.id);
    expect(arrived).toMatchObject({ title: draft.title, sources: [{ id: clip.sourceId, url: draft.sources[0]!.url }], clips: [{ id: clip.id, quote: clip.quote }] });
    expect(await desktop.store.syncOps.count()).toBe(0);
  });

  it('both edit offline: texts merge, a clashing severity is one conflict on both, and resolving it on one reaches the other', async () => {
    const [laptop, desktop] = [await device(harness.editor.token), await device(harness.editor.token)];
    const { draft } = await saveCapture(capture(), 'new', { store: laptop.store });
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: '', value: 'First paragraph.\n\nSecond paragraph.' }], laptop.store);
    await laptop.sync();
    await desktop.sync();

    await saveFieldEdits(draft.id, [
      { path: 'severity', base: undefined, value: 'SEV-1' },
      { path: 'rationale', base: 'First paragraph.\n\nSecond paragraph.', value: 'First paragraph, from the laptop.\n\nSecond paragraph.' },
    ], laptop.store);
    await saveFieldEdits(draft.id, [
      { path: 'severity', base: undefined, value: 'SEV-3' },
      { path: 'rationale', base: 'First paragraph.\n\nSecond paragraph.', value: 'First paragraph.\n\nSecond paragraph, from the desktop.' },
    ], desktop.store);
    await laptop.sync();
    await desktop.sync();
    await laptop.sync();

    const merged = 'First paragraph, from the laptop.\n\nSecond paragraph, from the desktop.';
    expect(await rationaleOf(laptop, draft.id)).toBe(merged);
    expect(await rationaleOf(desktop, draft.id)).toBe(merged);
    const [onLaptop, onDesktop] = [await laptop.store.drafts.get(draft.id), await desktop.store.drafts.get(draft.id)];
    expect(onDesktop?.severity).toBe('SEV-1');
    // When a draft was made and last saved are each device's own.
    expect({ ...onDesktop, updatedAt: '', createdAt: '' }).toEqual({ ...onLaptop, updatedAt: '', createdAt: '' });
    for (const d of [laptop, desktop]) {
      expect((await conflictsOf(draft.id, d.store)).map((row) => [row.field, row.mine, row.theirs])).toEqual([['severity', 'SEV-3', 'SEV-1']]);
    }

    const [conflict] = await conflictsOf(draft.id, desktop.store);
    await resolveConflict(conflict!.id!, 'mine', desktop.store);
    await desktop.sync();
    await laptop.sync();
    for (const d of [laptop, desktop]) {
      expect((await d.store.drafts.get(draft.id))?.severity).toBe('SEV-3');
      expect(await conflictsOf(draft.id, d.store)).toEqual([]);
    }
  });

  it('drafts made before the archive was set up, and drafts stored before sync existed, go on the first sync', async () => {
    devices += 1;
    const store = new ClipperDb(`device-${process.pid}-${devices}`);
    const offline = await saveCapture(capture(), 'new', { store });
    const older = draftFromCapture(capture({ url: 'https://older.example/a' }));
    await store.transaction('rw', store.drafts, async () => {
      withoutOps(); // as a database upgraded from before sync holds it: no op queued
      await store.drafts.put(older.draft);
    });
    const state = await syncState(store);
    expect(state).toEqual({ kind: 'local' });
    await saveSettings({ archiveUrl: url, token: harness.editor.token }, store);
    await syncNow({ store, clientFor: (base, key) => new ArchiveClient(base, key), force: true });
    const desktop = await device(harness.editor.token);
    await desktop.sync();
    expect((await desktop.store.drafts.get(offline.draft.id))?.clips.map((clip) => clip.quote)).toEqual([offline.clip.quote]);
    expect((await desktop.store.drafts.get(older.draft.id))?.sources.map((source) => source.url)).toEqual(['https://older.example/a']);
  });

  it('another editor never sees the draft', async () => {
    const mine = await device(harness.editor.token);
    const theirs = await device(harness.other.token);
    const { draft } = await saveCapture(capture(), 'new', { store: mine.store });
    await mine.sync();
    await theirs.sync();
    expect(await theirs.store.drafts.get(draft.id)).toBeUndefined();
  });
});

describe('faults', () => {
  it('a reply lost after the archive stored the push: the ops go again under the same seqs and apply once', async () => {
    const [laptop, desktop] = [await device(harness.editor.token), await device(harness.editor.token)];
    const { draft } = await saveCapture(capture(), 'new', { store: laptop.store });
    const losesPushReply: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith('/v1/sync/push')) throw new TypeError('connection reset');
      return response;
    };
    await laptop.sync(losesPushReply);
    expect(await laptop.store.syncOps.count()).toBe(3);
    expect(await syncState(laptop.store)).toMatchObject({ kind: 'offline', pending: 3 });
    await laptop.sync();
    expect(await laptop.store.syncOps.count()).toBe(0);
    await desktop.sync();
    expect((await desktop.store.drafts.get(draft.id))?.clips).toHaveLength(1);
    expect(await readEngine(laptop.store)).toMatchObject({ rejected: [] });
  });

  it('drains asked for at once take turns: one request at a time, and each op is pushed once', async () => {
    const laptop = await device(harness.editor.token);
    await saveCapture(capture(), 'new', { store: laptop.store });
    let inFlight = 0;
    let most = 0;
    const pushedSeqs: number[] = [];
    const watching: typeof fetch = async (input, init) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      if (String(input).endsWith('/v1/sync/push')) pushedSeqs.push(...(JSON.parse(String(init?.body)) as { ops: { seq: number }[] }).ops.map((op) => op.seq));
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    await Promise.all([laptop.sync(watching), laptop.sync(watching), laptop.sync(watching)]);
    expect(most).toBe(1);
    expect(pushedSeqs).toEqual([1, 2, 3]);
  });

  it('a refused token pauses sync and keeps every op; a new token carries on', async () => {
    const laptop = await device('ica_not-a-real-token');
    await saveCapture(capture(), 'new', { store: laptop.store });
    await laptop.sync();
    expect(await syncState(laptop.store)).toEqual({ kind: 'paused', pending: 3, rejected: 0 });
    await laptop.sync();
    expect(await laptop.store.syncOps.count()).toBe(3);
    await saveSettings({ token: harness.editor.token }, laptop.store);
    await laptop.sync();
    expect(await syncState(laptop.store)).toEqual({ kind: 'synced', rejected: 0 });
  });

  it('an op the archive refuses is counted for the person, leaves the queue and is never sent again', async () => {
    const laptop = await device(harness.editor.token);
    const { draft } = await saveCapture(capture(), 'new', { store: laptop.store });
    await laptop.store.transaction('rw', [laptop.store.syncOps, laptop.store.syncMeta], () =>
      queueOps(laptop.store, [{ type: 'set', draftId: draft.id, field: 'severity', value: 'SEV-9', baseRev: 0 }]),
    );
    await laptop.sync();
    expect(await syncState(laptop.store)).toEqual({ kind: 'synced', rejected: 1 });
    expect((await readEngine(laptop.store)).rejected).toEqual([expect.objectContaining({ seq: 4, draftId: draft.id, type: 'set', reason: expect.stringContaining('invalid_op') })]);
    let pushes = 0;
    await laptop.sync(async (input, init) => {
      if (String(input).endsWith('/v1/sync/push')) pushes += 1;
      return fetch(input, init);
    });
    expect(pushes).toBe(0);
  });

  it('a draft of another editor (from a backup) is refused once, shown, and not sent whole again at every sync', async () => {
    const mine = await device(harness.editor.token);
    const { draft } = await saveCapture(capture(), 'new', { store: mine.store });
    await mine.sync();
    const theirs = await device(harness.other.token);
    await theirs.store.drafts.put({ ...draft, title: 'Taken from a backup' });
    await theirs.sync();
    expect(await syncState(theirs.store)).toMatchObject({ kind: 'synced', rejected: 3 });
    expect((await readEngine(theirs.store)).rejected.map((op) => op.reason)).toContain('forbidden');
    let pushes = 0;
    await theirs.sync(async (input, init) => {
      if (String(input).endsWith('/v1/sync/push')) pushes += 1;
      return fetch(input, init);
    });
    expect(pushes).toBe(0);
    await mine.sync();
    expect((await mine.store.drafts.get(draft.id))?.title).toBe(draft.title);
  });

  it('a 503 waits as long as Retry-After asks, up to a cap, and a busy archive is not asked again before then', async () => {
    const laptop = await device(harness.editor.token);
    await saveCapture(capture(), 'new', { store: laptop.store });
    let calls = 0;
    const busy = (retryAfter: string): typeof fetch => async () => {
      calls += 1;
      return new Response(JSON.stringify({ error: { code: 'busy', message: 'Busy', fields: [] } }), { status: 503, headers: { 'retry-after': retryAfter, 'content-type': 'application/json' } });
    };
    const before = Date.now();
    await laptop.sync(busy('120'));
    const { retryAt } = await readEngine(laptop.store);
    expect(retryAt! - before).toBeGreaterThanOrEqual(120_000);
    expect(retryAt! - before).toBeLessThan(130_000);
    await laptop.sync(busy('120'), false);
    expect(calls).toBe(1);
    await laptop.sync(busy('86400'));
    expect((await readEngine(laptop.store)).retryAt! - Date.now()).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
    expect(await laptop.store.syncOps.count()).toBe(3);
  });

  it('an archive restored from a backup gets back what it lost from the device', async () => {
    const laptop = await device(harness.editor.token);
    const { draft } = await saveCapture(capture(), 'new', { store: laptop.store });
    await laptop.sync();
    await backup(harness.db, 'before_edit');
    await saveFieldEdits(draft.id, [{ path: 'title', base: draft.title, value: 'Renamed after the backup' }], laptop.store);
    const second = await saveCapture(capture({ url: 'https://other.example/a' }), 'new', { store: laptop.store });
    await laptop.sync();
    await restore(harness.db, 'before_edit');
    await laptop.sync();
    await laptop.sync();
    const fresh = await device(harness.editor.token);
    await fresh.sync();
    expect((await fresh.store.drafts.get(draft.id))?.title).toBe('Renamed after the backup');
    expect((await fresh.store.drafts.get(second.draft.id))?.clips).toHaveLength(1);
    expect((await laptop.store.drafts.get(draft.id))?.title).toBe('Renamed after the backup');
  });
});

describe('a token of another user saved on the same profile', () => {
  it('syncs as the new user at once, never sends the old user\'s waiting edits as theirs, and sends them when the old token returns', async () => {
    const theirDesktop = await device(harness.other.token);
    const theirs = await saveCapture(capture({ url: 'https://theirs.example/a' }), 'new', { store: theirDesktop.store });
    await theirDesktop.sync();
    const shared = await device(harness.editor.token);
    const mine = await saveCapture(capture({ url: 'https://mine.example/a' }), 'new', { store: shared.store });
    await shared.sync();
    await saveFieldEdits(mine.draft.id, [{ path: 'title', base: mine.draft.title, value: 'Renamed before the switch' }], shared.store);
    const mineOffline = await saveCapture(capture({ url: 'https://mine-offline.example/a' }), 'new', { store: shared.store });
    const waiting = await shared.store.syncOps.count();

    await saveSettings({ token: harness.other.token }, shared.store);
    await shared.sync();
    expect(await syncState(shared.store)).toEqual({ kind: 'synced', rejected: 0, elsewhere: waiting });
    // Their draft arrives although it changed before the pull cursor the previous user had reached.
    expect((await shared.store.drafts.get(theirs.draft.id))?.sources.map((source) => source.url)).toEqual(['https://theirs.example/a']);
    expect((await shared.store.drafts.get(mine.draft.id))?.title).toBe('Renamed before the switch');
    const madeAsThem = await saveCapture(capture({ url: 'https://made-as-them.example/a' }), 'new', { store: shared.store });
    // An edit to the previous user's draft meanwhile waits for that user, and is not refused as theirs.
    await saveFieldEdits(mine.draft.id, [{ path: 'rationale', base: '', value: 'Written while the other token was saved.' }], shared.store);
    await shared.sync();
    expect(await syncState(shared.store)).toEqual({ kind: 'synced', rejected: 0, elsewhere: waiting + 1 });
    await theirDesktop.sync();
    expect((await theirDesktop.store.drafts.get(madeAsThem.draft.id))?.clips).toHaveLength(1);
    expect(await theirDesktop.store.drafts.get(mine.draft.id)).toBeUndefined();
    expect(await theirDesktop.store.drafts.get(mineOffline.draft.id)).toBeUndefined();
    const myLaptop = await device(harness.editor.token);
    await myLaptop.sync();
    expect((await myLaptop.store.drafts.get(mine.draft.id))?.title).toBe(mine.draft.title);
    expect(await myLaptop.store.drafts.get(madeAsThem.draft.id)).toBeUndefined();

    await saveSettings({ token: harness.editor.token }, shared.store);
    await shared.sync();
    expect(await syncState(shared.store)).toEqual({ kind: 'synced', rejected: 0 });
    await myLaptop.sync();
    expect(await myLaptop.store.drafts.get(mine.draft.id)).toMatchObject({ title: 'Renamed before the switch', rationale: 'Written while the other token was saved.' });
    expect((await myLaptop.store.drafts.get(mineOffline.draft.id))?.sources.map((source) => source.url)).toEqual(['https://mine-offline.example/a']);
    expect(await myLaptop.store.drafts.get(theirs.draft.id)).toBeUndefined();
    // Their drafts stay on the profile, and their account's queue is not disturbed by the way back.
    expect((await shared.store.drafts.get(madeAsThem.draft.id))?.clips).toHaveLength(1);
  });
});
