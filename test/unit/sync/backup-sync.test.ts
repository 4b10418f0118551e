import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportEverything, importEverything } from '../../../src/store/backup.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { saveFieldEdits } from '../../../src/store/editing.ts';
import { listRevisions } from '../../../src/store/revisions.ts';
import { capture, freshDb } from '../support/fixtures.ts';

let minute = 0;
const clock = { now: () => new Date(Date.UTC(2026, 0, 1, 0, (minute += 1))).toISOString(), uuid: () => crypto.randomUUID() };

describe('importing a backup into a device that syncs', () => {
  it('does not take a synced draft back to the older version of a backup, and keeps that version in its history', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store, clock });
    const old = JSON.stringify(await exportEverything(store));
    await saveFieldEdits(draft.id, [{ path: 'title', base: draft.title, value: 'Newer title' }], store, clock);
    await store.syncCopies.put({ id: draft.id });
    const queued = await store.syncOps.count();

    expect(await importEverything(old, store)).toMatchObject({ ok: true });
    expect((await store.drafts.get(draft.id))?.title).toBe('Newer title');
    expect(await store.syncOps.count()).toBe(queued);
    expect((await listRevisions(draft.id, store)).map((revision) => revision.draft.title)).toContain(draft.title);
  });

  it('a newer version from a backup replaces a synced draft and is sent as edits', async () => {
    const source = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store: source, clock });
    const device = freshDb();
    expect(await importEverything(JSON.stringify(await exportEverything(source)), device)).toMatchObject({ ok: true });
    await device.syncCopies.put({ id: draft.id });
    await saveFieldEdits(draft.id, [{ path: 'title', base: draft.title, value: 'Edited in the other profile' }], source, clock);

    expect(await importEverything(JSON.stringify(await exportEverything(source)), device)).toMatchObject({ ok: true });
    expect((await device.drafts.get(draft.id))?.title).toBe('Edited in the other profile');
    expect((await device.syncOps.toArray()).map((row) => row.op)).toEqual([expect.objectContaining({ type: 'set', field: 'title', value: 'Edited in the other profile', base: draft.title })]);
  });
});
