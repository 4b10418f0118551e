import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/store/drafts.ts';
import { createNote, saveFieldEdits } from '../../../src/store/editing.ts';
import { searchDrafts } from '../../../src/store/search.ts';
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

  it('sees edits made after the index was built', async () => {
    const store = freshDb();
    const note = await createNote('First name', store);
    expect(await searchDrafts('first', 10, store)).toEqual([note.id]);
    await saveFieldEdits(note.id, [{ path: 'title', base: 'First name', value: 'Renamed entirely' }], store);
    expect(await searchDrafts('renamed', 10, store)).toEqual([note.id]);
    expect(await searchDrafts('first', 10, store)).toEqual([]);
  });
});
