/**
 * The search index over the drafts. Building it from 10,000 drafts takes more than a second, so a copy
 * is saved in a database of its own (`<db name>-search`) and loaded on first use, then brought up to date:
 * drafts edited since it was saved are re-indexed, drafts that are gone are dropped, and a change in the
 * number of clips re-indexes the drafts whose clip count changed.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Clip, Draft } from '../core/draft.ts';
import { createDraftSearch, loadDraftSearch, searchDocument, searchDocuments, SEARCH_INDEX_VERSION, type DraftSearch, type SearchDocument } from '../workspace/search.ts';
import { db, type ClipperDb } from './db.ts';

/** What the index knows of each draft: enough to tell that the stored draft has changed since. */
interface Indexed {
  updatedAt: string;
  clips: number;
}

interface Built {
  search: DraftSearch;
  docs: Map<string, Indexed>;
  clips: number;
  newest: string;
  /** Drafts re-indexed since the index was last saved. */
  unsaved: number;
}

interface SnapshotRow {
  key: string;
  version: number;
  index: string;
  /** `[draftId, updatedAt, clips]` per indexed draft. */
  docs: [string, string, number][];
  newest: string;
}

class SearchDb extends Dexie {
  snapshots!: EntityTable<SnapshotRow, 'key'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ snapshots: 'key' });
  }
}

const KEY = 'drafts';
/** Re-indexing more drafts than this at once is slower than building the index again. */
const REBUILD_ABOVE = 2_000;
/** A loaded index that needed this many drafts re-indexed is saved again. */
const SAVE_ABOVE = 50;

const searchDbs = new WeakMap<ClipperDb, SearchDb>();
function searchDb(store: ClipperDb): SearchDb {
  let found = searchDbs.get(store);
  if (!found) {
    found = new SearchDb(`${store.name}-search`);
    searchDbs.set(store, found);
  }
  return found;
}

function fromRows(drafts: Draft[], clips: Clip[]): Built {
  const counts = new Map<string, number>();
  for (const clip of clips) counts.set(clip.draftId, (counts.get(clip.draftId) ?? 0) + 1);
  const docs = new Map<string, Indexed>();
  let newest = '';
  for (const draft of drafts) {
    docs.set(draft.id, { updatedAt: draft.updatedAt, clips: counts.get(draft.id) ?? 0 });
    if (draft.updatedAt > newest) newest = draft.updatedAt;
  }
  return { search: createDraftSearch(searchDocuments(drafts, clips)), docs, clips: clips.length, newest, unsaved: 0 };
}

function toRow(built: Built): SnapshotRow {
  return {
    key: KEY,
    version: SEARCH_INDEX_VERSION,
    index: built.search.toJSON(),
    docs: [...built.docs].map(([id, { updatedAt, clips }]) => [id, updatedAt, clips]),
    newest: built.newest,
  };
}

async function build(store: ClipperDb): Promise<Built> {
  const [drafts, clips] = await store.transaction('r', store.drafts, store.clips, () => Promise.all([store.drafts.toArray(), store.clips.toArray()]));
  const built = fromRows(drafts, clips);
  built.unsaved = drafts.length || 1;
  return built;
}

async function loadSaved(store: ClipperDb): Promise<Built | undefined> {
  try {
    const row = await searchDb(store).snapshots.get(KEY);
    if (!row || row.version !== SEARCH_INDEX_VERSION) return undefined;
    const docs = new Map(row.docs.map(([id, updatedAt, clips]) => [id, { updatedAt, clips }]));
    let clips = 0;
    for (const doc of docs.values()) clips += doc.clips;
    return { search: loadDraftSearch(row.index), docs, clips, newest: row.newest, unsaved: 0 };
  } catch (error) {
    console.warn('Saved search index unreadable; rebuilding it.', error);
    return undefined;
  }
}

/** Re-indexes the given drafts (with their clips) and drops the given ids. */
function apply(built: Built, drafts: Draft[], clips: Clip[], gone: Iterable<string> = []): void {
  const byDraft = new Map<string, Clip[]>();
  for (const clip of clips) {
    const list = byDraft.get(clip.draftId);
    if (list) list.push(clip);
    else byDraft.set(clip.draftId, [clip]);
  }
  for (const id of gone) {
    const doc = built.docs.get(id);
    if (!doc) continue;
    built.search.remove(id);
    built.docs.delete(id);
    built.clips -= doc.clips;
    built.unsaved += 1;
  }
  for (const draft of drafts) {
    const own = byDraft.get(draft.id) ?? [];
    built.search.upsert(searchDocument(draft, own));
    built.clips += own.length - (built.docs.get(draft.id)?.clips ?? 0);
    built.docs.set(draft.id, { updatedAt: draft.updatedAt, clips: own.length });
    if (draft.updatedAt > built.newest) built.newest = draft.updatedAt;
    built.unsaved += 1;
  }
}

/** Brings `built` up to date with the store; `false` when so much changed that a rebuild is quicker. */
async function refresh(built: Built, store: ClipperDb): Promise<boolean> {
  return store.transaction('r', store.drafts, store.clips, async () => {
    const [ids, clipCount, changed] = await Promise.all([
      store.drafts.toCollection().primaryKeys() as Promise<string[]>,
      store.clips.count(),
      store.drafts.where('updatedAt').above(built.newest).toArray(),
    ]);
    if (changed.length > REBUILD_ABOVE) return false;
    if (changed.length > 0) apply(built, changed, await store.clips.where('draftId').anyOf(changed.map((draft) => draft.id)).toArray());

    // Ids, not counts, tell deleted drafts and drafts stored with an older date: a deletion and an older
    // import would leave the counts equal. Clips added or deleted without touching their draft change the count.
    const present = new Set(ids);
    const gone = [...built.docs.keys()].filter((id) => !present.has(id));
    const goneClips = gone.reduce((sum, id) => sum + (built.docs.get(id)?.clips ?? 0), 0);
    const counts = new Map<string, number>();
    const recount = clipCount !== built.clips - goneClips;
    if (recount) {
      for (const draftId of (await store.clips.orderBy('draftId').keys()) as string[]) counts.set(draftId, (counts.get(draftId) ?? 0) + 1);
    }
    const stale = ids.filter((id) => {
      const doc = built.docs.get(id);
      return !doc || (recount && (counts.get(id) ?? 0) !== doc.clips);
    });
    if (stale.length > REBUILD_ABOVE) return false;
    if (stale.length === 0 && gone.length === 0) return true;
    const drafts = (await store.drafts.bulkGet(stale)).filter((draft): draft is Draft => draft !== undefined);
    apply(built, drafts, await store.clips.where('draftId').anyOf(stale).toArray(), gone);
    return true;
  });
}

const built = new WeakMap<ClipperDb, Promise<Built>>();
const saving = new WeakMap<ClipperDb, ReturnType<typeof setTimeout>>();

/** Saves the index a little later, off the path of the query that needed it. */
function saveSoon(store: ClipperDb, index: Built): void {
  if (index.unsaved === 0 || (index.unsaved < SAVE_ABOVE && index.docs.size > SAVE_ABOVE)) return;
  clearTimeout(saving.get(store));
  saving.set(
    store,
    setTimeout(() => {
      saving.delete(store);
      if (built.get(store) === undefined) return;
      void saveSearch(store, index).catch((error: unknown) => console.warn('Could not save the search index.', error));
    }, 1_000),
  );
}

/** Saves this page's index now (normally done a moment after a query that changed it). */
export async function saveSearchIndex(store: ClipperDb = db()): Promise<void> {
  const index = await built.get(store);
  if (index) await saveSearch(store, index);
}

async function saveSearch(store: ClipperDb, index: Built): Promise<void> {
  const unsaved = index.unsaved;
  await searchDb(store).snapshots.put(toRow(index));
  index.unsaved -= unsaved;
}

async function current(store: ClipperDb): Promise<Built> {
  const previous = built.get(store);
  const next = (async () => {
    let index = previous ? await previous.catch(() => undefined) : await loadSaved(store);
    if (!index || !(await refresh(index, store))) index = await build(store);
    saveSoon(store, index);
    return index;
  })();
  built.set(store, next);
  return next;
}

/** Draft ids matching `query`, best first. */
export async function searchDrafts(query: string, limit = 50, store: ClipperDb = db()): Promise<string[]> {
  if (query.trim() === '') return [];
  return (await current(store)).search.search(query, limit);
}

/** Loads (or refreshes) the index ahead of the first query, e.g. when the search box gets focus. */
export async function warmSearch(store: ClipperDb = db()): Promise<void> {
  await current(store);
}

/** The index and what it knows of each draft, as saved. */
function rowOf(index: string, drafts: Draft[], clips: Clip[]): SnapshotRow {
  const counts = new Map<string, number>();
  for (const clip of clips) counts.set(clip.draftId, (counts.get(clip.draftId) ?? 0) + 1);
  const newest = drafts.reduce((max, draft) => (draft.updatedAt > max ? draft.updatedAt : max), '');
  return { key: KEY, version: SEARCH_INDEX_VERSION, index, docs: drafts.map((draft) => [draft.id, draft.updatedAt, counts.get(draft.id) ?? 0]), newest };
}

/** Indexes documents in a worker when the page can start one (its own thread and heap), else right here. */
function indexOffThread(documents: SearchDocument[]): Promise<string> {
  if (typeof Worker === 'undefined') return Promise.resolve(createDraftSearch(documents).toJSON());
  return new Promise<string>((resolve, reject) => {
    const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<string>) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.onerror = (event) => {
      reject(new Error(event.message || 'search worker failed'));
      worker.terminate();
    };
    worker.postMessage(documents);
  });
}

/**
 * Starts indexing exactly these drafts and clips (e.g. an import into an empty store, while the database
 * writes them). Pass the result to `saveIndexed` once the rows are stored.
 */
export function indexInBackground(drafts: Draft[], clips: Clip[]): Promise<SnapshotRow> {
  return indexOffThread(searchDocuments(drafts, clips)).then((index) => rowOf(index, drafts, clips));
}

/** Saves an index made by `indexInBackground`; this page loads it at its next search. */
export async function saveIndexed(store: ClipperDb, row: SnapshotRow): Promise<void> {
  built.delete(store);
  clearTimeout(saving.get(store));
  await searchDb(store).snapshots.put(row);
}

/** Forgets the index (in this page and saved), e.g. after an import replaced drafts with older versions. */
export async function dropSearch(store: ClipperDb = db()): Promise<void> {
  built.delete(store);
  clearTimeout(saving.get(store));
  await searchDb(store).snapshots.delete(KEY);
}
