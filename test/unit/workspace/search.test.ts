import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/store/drafts.ts';
import { createNote, saveFieldEdits } from '../../../src/store/editing.ts';
import { searchDrafts, saveSearchIndex } from '../../../src/store/search.ts';
import { exportEverything, importEverything } from '../../../src/store/backup.ts';
import { removeClip, updateClipNote } from '../../../src/store/clips.ts';
import { ClipperDb } from '../../../src/store/db.ts';
import { capture, freshDb } from '../support/fixtures.ts';

describe('searching drafts', () => {
  it('finds drafts by title, quote, note, URL and code, with prefixes and small typos', async () => {
    const store = freshDb();
    const airline = (await saveCapture(capture(), 'new', { store })).draft;
    const vacuum = await createNote('Robot vacuum uploads floor maps', store);
    await saveFieldEdits(vacuum.id, [{ path: 'notes', base: '', value: 'Ask the manufacturer about retention.' }, { path: 'codes', base: [], value: ['D1'] }], store);

    expect(await searchDrafts('refund policy', 10, store)).toEqual([airline.id]);
    expect(await searchDrafts('vacu', 10, store)).toEqual([vacuum.id]);
    expect(await searchDrafts('retention', 10, store)).toEqual([vacuum.id]);
    expect(await searchDrafts('news.example', 10, store)).toEqual([airline.id]);
    expect(await searchDrafts('D1', 10, store)).toEqual([vacuum.id]);
    expect(await searchDrafts('manufacturr', 10, store)).toEqual([vacuum.id]);
    expect(await searchDrafts('nothing-like-this', 10, store)).toEqual([]);
  });

  it('finds drafts by deployer and harmed party', async () => {
    const store = freshDb();
    const note = await createNote('Chatbot gave wrong fares', store);
    await saveFieldEdits(note.id, [{ path: 'deployers', base: [], value: ['Skyline Airways'] }, { path: 'harmedParties', base: [], value: ['bereaved passengers'] }], store);
    expect(await searchDrafts('skyline', 10, store)).toEqual([note.id]);
    expect(await searchDrafts('bereaved', 10, store)).toEqual([note.id]);
  });

  it('sees edits made after the index was built', async () => {
    const store = freshDb();
    const note = await createNote('First name', store);
    expect(await searchDrafts('first', 10, store)).toEqual([note.id]);
    await saveFieldEdits(note.id, [{ path: 'title', base: 'First name', value: 'Renamed entirely' }], store);
    expect(await searchDrafts('renamed', 10, store)).toEqual([note.id]);
    expect(await searchDrafts('first', 10, store)).toEqual([]);
  });
});

describe('the saved search index', () => {
  /** Another extension page opening the same database: it starts from the saved index. */
  const reopen = (store: ClipperDb) => new ClipperDb(store.name);

  it('is loaded by the next page and brought up to date with what changed since it was saved', async () => {
    const store = freshDb();
    const airline = (await saveCapture(capture(), 'new', { store })).draft;
    const { clip: second } = await saveCapture(capture({}, 'Refunds were automatic, it claimed.'), airline.id, { store });
    const vacuum = await createNote('Robot vacuum uploads floor maps', store);
    expect(await searchDrafts('vacuum', 10, store)).toEqual([vacuum.id]);
    expect(await searchDrafts('automatic', 10, store)).toEqual([airline.id]);
    await saveSearchIndex(store);

    // Changes the saved index cannot know of by dates alone: a draft deleted, a draft stored with a date
    // older than any indexed one. (Removing a quote is an edit of its draft.)
    await store.drafts.delete(vacuum.id);
    await removeClip({ id: second.id, draftId: airline.id }, store);
    const older = { ...(await createNote('Tribunal hearing about deepfakes', store)), updatedAt: '2000-01-01T00:00:00.000Z' };
    await store.drafts.put(older);

    const [first] = (await store.drafts.get(airline.id))!.clips;
    await updateClipNote({ id: first!.id, draftId: airline.id }, 'The airline later agreed to a partial payout.', store);

    const next = reopen(store);
    expect(await searchDrafts('payout', 10, next)).toEqual([airline.id]);
    expect(await searchDrafts('vacuum', 10, next)).toEqual([]);
    expect(await searchDrafts('refund policy', 10, next)).toEqual([airline.id]);
    expect(await searchDrafts('automatic', 10, next)).toEqual([]);
    expect(await searchDrafts('tribunal', 10, next)).toEqual([older.id]);
  });

  it('tells a deleted draft from an older one added in its place, and sees a draft lose its only quote', async () => {
    const store = freshDb();
    const airline = (await saveCapture(capture({}, 'Passengers were promised a bereavement discount.'), 'new', { store })).draft;
    const vacuum = await createNote('Robot vacuum uploads floor maps', store);
    expect(await searchDrafts('bereavement', 10, store)).toEqual([airline.id]);
    await saveSearchIndex(store);

    // Same number of drafts and of clips as when the index was saved, so counts alone would not tell.
    await store.drafts.delete(vacuum.id);
    const older = { ...(await createNote('Tribunal hearing about deepfakes', store)), updatedAt: '2000-01-01T00:00:00.000Z' };
    await store.drafts.put(older);
    expect(await store.drafts.count()).toBe(2);

    const next = reopen(store);
    expect(await searchDrafts('vacuum', 10, next)).toEqual([]);
    expect(await searchDrafts('tribunal', 10, next)).toEqual([older.id]);

    await saveSearchIndex(next);
    await removeClip({ id: (await store.drafts.get(airline.id))!.clips[0]!.id, draftId: airline.id }, store);
    expect(await searchDrafts('bereavement', 10, reopen(store))).toEqual([]);
  });

  it('is written by an import into an empty store, and dropped by one that brings back older versions', async () => {
    const source = freshDb();
    const airline = (await saveCapture(capture(), 'new', { store: source })).draft;
    const text = JSON.stringify(await exportEverything(source));
    const target = freshDb();
    expect(await importEverything(text, target)).toMatchObject({ ok: true, drafts: 1 });
    expect(await searchDrafts('refund', 10, reopen(target))).toEqual([airline.id]);

    await saveFieldEdits(airline.id, [{ path: 'title', base: airline.title, value: 'Renamed entirely' }], target);
    expect(await searchDrafts('renamed', 10, target)).toEqual([airline.id]);
    await saveSearchIndex(target);
    expect(await importEverything(text, target)).toMatchObject({ ok: true });
    expect(await searchDrafts('renamed', 10, reopen(target))).toEqual([]);
    expect(await searchDrafts('renamed', 10, target)).toEqual([]);
    expect(await searchDrafts('airline', 10, target)).toEqual([airline.id]);
  });
});
