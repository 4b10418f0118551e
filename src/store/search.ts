/**
 * The search index of this extension page, built from the database on first use and kept current:
 * drafts edited since the last look are re-indexed, and a change in the number of rows rebuilds it.
 */
import { createDraftSearch, searchDocument, searchDocuments, type DraftSearch } from '../workspace/search.ts';
import { db, type ClipperDb } from './db.ts';
import { clipsOfDraft } from './drafts.ts';

interface Built {
  search: DraftSearch;
  drafts: number;
  clips: number;
  newest: string;
}

const built = new WeakMap<ClipperDb, Promise<Built>>();

async function build(store: ClipperDb): Promise<Built> {
  const [drafts, clips] = await Promise.all([store.drafts.toArray(), store.clips.toArray()]);
  const newest = drafts.reduce((max, draft) => (draft.updatedAt > max ? draft.updatedAt : max), '');
  return { search: createDraftSearch(searchDocuments(drafts, clips)), drafts: drafts.length, clips: clips.length, newest };
}

async function current(store: ClipperDb): Promise<Built> {
  const cached = built.get(store);
  if (!cached) {
    const fresh = build(store);
    built.set(store, fresh);
    return fresh;
  }
  const index = await cached;
  const [drafts, clips] = await Promise.all([store.drafts.count(), store.clips.count()]);
  if (drafts !== index.drafts || clips !== index.clips) {
    const fresh = build(store);
    built.set(store, fresh);
    return fresh;
  }
  const changed = await store.drafts.where('updatedAt').above(index.newest).toArray();
  for (const draft of changed) {
    index.search.upsert(searchDocument(draft, await clipsOfDraft(draft.id, store)));
    if (draft.updatedAt > index.newest) index.newest = draft.updatedAt;
  }
  return index;
}

/** Draft ids matching `query`, best first. */
export async function searchDrafts(query: string, limit = 50, store: ClipperDb = db()): Promise<string[]> {
  if (query.trim() === '') return [];
  return (await current(store)).search.search(query, limit);
}

/** Builds (or refreshes) the index ahead of the first query, e.g. when the search box gets focus. */
export async function warmSearch(store: ClipperDb = db()): Promise<void> {
  await current(store);
}
