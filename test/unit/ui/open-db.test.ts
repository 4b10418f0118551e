import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ClipperDb, DB_NAME } from '../../../src/store/db.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { openedDraftOf, readOpenedDraft } from '../../../src/store/draft-read.ts';
import type { EarlyRows } from '../../../src/ui/draft-view.ts';
import { capture } from '../support/fixtures.ts';

const script = readFileSync(new URL('../../../public/sidepanel/open-db.js', import.meta.url), 'utf8');

/** Runs the side panel's early read as the page would, for a page opened on `draftId`. */
async function earlyRead(draftId: string): Promise<EarlyRows | undefined> {
  new Function('location', script)({ search: `?draft=${draftId}` });
  return (globalThis as { clipperFirstView?: Promise<EarlyRows | undefined> }).clipperFirstView;
}

describe('the side panel’s early database open (public/sidepanel/open-db.js)', () => {
  it('fetches the rows the editor’s live query reads, from the database Dexie made', async () => {
    const store = new ClipperDb(DB_NAME);
    const { draft } = await saveCapture(capture(), 'new', { store });
    await saveCapture(capture({ url: 'https://second.example/a' }, 'A second quote.'), draft.id, { store });
    await store.conflicts.add({ draftId: draft.id, field: 'title', mine: 'a', theirs: 'b', at: draft.createdAt });
    const early = await earlyRead(draft.id);
    const view = openedDraftOf(early!.row, early!.conflicts);
    expect(view).toEqual(await readOpenedDraft(store, draft.id));
    expect(view.clips).toHaveLength(2);
    expect(view.conflicts).toHaveLength(1);
    store.close();
    await store.delete();
  });

  it('creates no database when there is none', async () => {
    expect(await earlyRead(crypto.randomUUID())).toBeUndefined();
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain(DB_NAME);
  });
});
