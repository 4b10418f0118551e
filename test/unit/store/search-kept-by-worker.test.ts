import 'fake-indexeddb/auto';
import { afterEach, expect, it } from 'vitest';
import { ClipperDb } from '../../../src/store/db.ts';
import { createNote } from '../../../src/store/editing.ts';
import { dropSearch, keepSearchIndexSaved, keepSearchIndexWith, searchDrafts } from '../../../src/store/search.ts';
import { freshDb } from '../support/fixtures.ts';
import { savedIndexCount } from '../support/saved-search-index.ts';

afterEach(() => keepSearchIndexWith(undefined));

it('has the worker build and save a missing index before the first answer, so a popup closed at once leaves it for the next one', async () => {
  const page = freshDb();
  // The worker's own connection to the same database, as in the extension.
  const worker = new ClipperDb(page.name);
  let asks = 0;
  keepSearchIndexWith(() => {
    asks += 1;
    return keepSearchIndexSaved(worker);
  });
  const note = await createNote('Robot vacuum uploads floor maps', page);
  for (let i = 0; i < 60; i += 1) await createNote(`Unrelated note ${i}`, page);
  expect(await savedIndexCount(page.name)).toBe(0);

  expect(await searchDrafts('vacuum', 10, page)).toEqual([note.id]);
  // Saved by the time the page had its answer: nothing is left for the page to do before it closes.
  expect(await savedIndexCount(page.name)).toBe(1);

  // The next page (a new connection: a cold start) finds it and asks the worker for nothing.
  const next = new ClipperDb(page.name);
  expect(await searchDrafts('floor maps', 10, next)).toEqual([note.id]);
  expect(asks).toBe(1);
  // A draft written since the index was saved is still found.
  const later = await createNote('Vacuum maps sold to advertisers', next);
  expect(await searchDrafts('vacuum', 10, next)).toEqual(expect.arrayContaining([note.id, later.id]));
});

it('builds and saves the index in the page, before answering, when the worker cannot', async () => {
  const page = freshDb();
  keepSearchIndexWith(() => Promise.reject(new Error('The extension did not answer.')));
  const note = await createNote('Drone delivery drops parcel on roof', page);
  await dropSearch(page);
  expect(await searchDrafts('parcel', 10, page)).toEqual([note.id]);
  expect(await savedIndexCount(page.name)).toBe(1);
});
