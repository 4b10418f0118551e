import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';
import { ClipperDb } from '../../../src/store/db.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { removeSource, saveFieldEdits } from '../../../src/store/editing.ts';
import { recordAnchorReports, updateClipNote } from '../../../src/store/clips.ts';
import { markSent, withoutOps } from '../../../src/store/sync-outbox.ts';
import { capture, freshDb } from '../support/fixtures.ts';

const types = async (store: ClipperDb) => (await store.syncOps.orderBy('seq').toArray()).map((row) => [row.seq, row.op.type]);

describe('every local edit queues its sync ops in the same transaction', () => {
  it('a new draft from a page is queued whole: the draft, its source, its quote, numbered 1, 2, 3', async () => {
    const store = freshDb();
    const { draft, clip } = await saveCapture(capture(), 'new', { store });
    expect(await types(store)).toEqual([[1, 'create'], [2, 'putSource'], [3, 'putQuote']]);
    const [create, , quote] = await store.syncOps.orderBy('seq').toArray();
    expect(create!.op).toMatchObject({ draftId: draft.id, title: draft.title });
    expect(quote!.op).toMatchObject({ quoteId: clip.id, values: { quote: clip.quote, sourceId: clip.sourceId } });
    expect((quote!.op as { values: object }).values).not.toHaveProperty('anchor');
  });

  it('field edits become one op per field, carrying what they were edited from', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    await saveFieldEdits(draft.id, [
      { path: 'severity', base: undefined, value: 'SEV-2' },
      { path: 'rationale', base: '', value: 'It quoted a policy that never existed.' },
    ], store);
    const ops = (await store.syncOps.orderBy('seq').toArray()).slice(3).map((row) => row.op);
    expect(ops).toEqual([
      expect.objectContaining({ seq: 4, type: 'set', field: 'severity', value: 'SEV-2', base: null, baseRev: 0 }),
      expect.objectContaining({ seq: 5, type: 'text', field: 'rationale', base: '', value: 'It quoted a policy that never existed.' }),
    ]);
  });

  it('typing in one field queues one op until it may have been sent, then a new one', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: '', value: 'It' }], store);
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: 'It', value: 'It quoted' }], store);
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: 'It quoted', value: 'It quoted a policy.' }], store);
    expect((await store.syncOps.orderBy('seq').toArray()).slice(3).map((row) => row.op)).toEqual([
      expect.objectContaining({ seq: 4, type: 'text', base: '', value: 'It quoted a policy.' }),
    ]);
    await markSent(store, 4);
    await saveFieldEdits(draft.id, [{ path: 'rationale', base: 'It quoted a policy.', value: 'It quoted a policy that never existed.' }], store);
    expect((await store.syncOps.orderBy('seq').toArray()).slice(3).map((row) => [row.seq, row.op.type, (row.op as { base: string }).base])).toEqual([
      [4, 'text', ''],
      [5, 'text', 'It quoted a policy.'],
    ]);
  });

  it('quote notes and source removals are ops; where a quote was last found on its page is not', async () => {
    const store = freshDb();
    const { draft, clip } = await saveCapture(capture(), 'new', { store });
    await recordAnchorReports([{ id: clip.id, state: 'orphan' }], [draft.sources[0]!.url], store);
    expect(await store.syncOps.count()).toBe(3);
    await updateClipNote({ id: clip.id, draftId: draft.id }, 'Check the date.', store);
    await removeSource(draft.id, clip.sourceId, store);
    expect((await types(store)).slice(3)).toEqual([[4, 'putQuote'], [5, 'removeQuote'], [6, 'removeSource']]);
  });

  it('a write marked as coming from the archive queues nothing', async () => {
    const store = freshDb();
    const { draft } = draftFromCapture(capture());
    await store.transaction('rw', store.drafts, async () => {
      withoutOps();
      await store.drafts.put(draft);
    });
    expect(await store.drafts.count()).toBe(1);
    expect(await store.syncOps.count()).toBe(0);
  });

  it('a failed edit leaves neither the draft change nor an op', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    await expect(store.transaction('rw', store.drafts, async () => {
      await store.drafts.put({ ...draft, title: 'Changed' });
      throw new Error('the editor crashed');
    })).rejects.toThrow('crashed');
    expect((await store.drafts.get(draft.id))?.title).toBe(draft.title);
    expect(await store.syncOps.count()).toBe(3);
  });

  it('opens a version-3 database with drafts, keeps them, and queues nothing until a sync sends them', async () => {
    const name = `migration-v3-${Date.now()}`;
    const v3 = new Dexie(name);
    v3.version(3).stores({
      drafts: 'id, updatedAt, *quotedUrls', outbox: '++seq, draftId, nextAttemptAt', deadLetters: '++id, draftId', settings: 'key',
      revisions: '++id, draftId, [draftId+at]', conflicts: '++id, draftId',
    });
    const { draft } = draftFromCapture(capture());
    await v3.table('drafts').add(draft);
    await v3.table('conflicts').add({ draftId: draft.id, field: 'title', mine: 'x', theirs: 'y', at: draft.createdAt });
    v3.close();

    const current = new ClipperDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.drafts.get(draft.id)).toMatchObject({ id: draft.id, title: draft.title, clips: draft.clips });
    expect(await current.conflicts.count()).toBe(1);
    expect(await current.syncOps.count()).toBe(0);
    await saveFieldEdits(draft.id, [{ path: 'title', base: draft.title, value: 'Renamed' }], current);
    expect(await types(current)).toEqual([[1, 'set']]);
    current.close();
  });
});
