import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clipsForUrls } from '../../../src/store/clips.ts';
import { readDraft } from '../../../src/store/draft-read.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { saveFieldEdits } from '../../../src/store/editing.ts';
import { annotationCollection } from '../../../src/workspace/io/web-annotation.ts';
import { capture, freshDb } from '../support/fixtures.ts';

const MOVED = 'https://news.example/story-moved';

/** A draft with one quote, whose source's URL the editor then corrects. */
async function quoteOfAMovedSource() {
  const store = freshDb();
  const { draft } = await saveCapture(capture(), 'new', { store });
  const source = draft.sources[0]!;
  const saved = await saveFieldEdits(draft.id, [{ path: `source.${source.id}.url`, base: source.url, value: MOVED }], store);
  expect(saved.conflicts).toEqual([]);
  return { store, draftId: draft.id, oldUrl: source.url, quoteId: draft.clips[0]!.id };
}

describe("a quote's URL is its source's URL", () => {
  it('finds the quote on the page the source now names, and no longer on the old one', async () => {
    const { store, oldUrl, quoteId } = await quoteOfAMovedSource();
    expect((await clipsForUrls([MOVED], store)).map((clip) => clip.id)).toEqual([quoteId]);
    expect(await clipsForUrls([oldUrl], store)).toEqual([]);
  });

  it('exports the quote as an annotation of the page the source now names', async () => {
    const { store, draftId } = await quoteOfAMovedSource();
    const draft = (await readDraft(store, draftId))!;
    const collection = annotationCollection(draft, 'Moved');
    expect(collection.first.items.map((item) => item.target.source)).toEqual([MOVED]);
  });

  it('stores no URL in the quote, so there is no copy to go stale', async () => {
    const { store, draftId } = await quoteOfAMovedSource();
    const row = await store.drafts.get(draftId);
    expect(row!.clips.map((clip) => Object.keys(clip))).not.toContainEqual(expect.arrayContaining(['url']));
  });
});
