import 'fake-indexeddb/auto';
import { expect, it, vi } from 'vitest';
import { createNote } from '../../../src/store/editing.ts';
import { searchDrafts } from '../../../src/store/search.ts';
import { freshDb } from '../support/fixtures.ts';
import { savedIndexCount } from '../support/saved-search-index.ts';

it('saves an index it had to build within a moment of the first answer, so a popup closed right after its first query leaves it for the next cold start', async () => {
  const store = freshDb();
  const note = await createNote('Robot vacuum uploads floor maps', store);
  for (let i = 0; i < 60; i += 1) await createNote(`Unrelated note ${i}`, store);
  // A popup is often closed within a second of its first answer; the index must be saved by then. The clock
  // is moved by hand, so a slow machine cannot stretch that second: only the save timer's own delay counts.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    expect(await searchDrafts('vacuum', 10, store)).toEqual([note.id]);
    vi.advanceTimersByTime(200);
  } finally {
    vi.useRealTimers();
  }
  await expect.poll(() => savedIndexCount(store.name), { timeout: 10_000, interval: 20 }).toBe(1);
}, 30_000);
