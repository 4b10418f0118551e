/**
 * The search index over the drafts. Building it from 10,000 drafts takes more than a second, so a copy
 * is saved in a database of its own (`<db name>-search`) and loaded on first use, then brought up to date:
 * drafts edited since it was saved are re-indexed, and drafts that are gone are dropped. Every change to
 * what is searched (quotes and their notes included) moves a draft's `updatedAt`.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Draft } from '../core/draft.ts';
import { createDraftSearch, loadDraftSearch, searchDocument, SEARCH_INDEX_VERSION, type DraftSearch, type SearchDocument } from '../workspace/search.ts';
import { db, type ClipperDb } from './db.ts';
import { readAllDrafts, readDraftIds, readDrafts, readDraftsChangedAfter } from './draft-read.ts';

interface Built {
  search: DraftSearch;
  /** The `updatedAt` of each indexed draft: enough to tell that the stored draft has changed since. */
  docs: Map<string, string>;
  newest: string;
  /** Drafts re-indexed since the index was last saved. */
  unsaved: number;
}

export interface SnapshotRow {
  key: string;
  version: number;
  index: string;
  /** `[draftId, updatedAt]` per indexed draft. */
  docs: [string, string][];
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
/** Long enough for the query's answer to be drawn before the index is serialised on the same thread. */
const SAVE_REBUILT_AFTER_MS = 50;

const searchDbs = new WeakMap<ClipperDb, SearchDb>();
function searchDb(store: ClipperDb): SearchDb {
  let found = searchDbs.get(store);
  if (!found) {
    found = new SearchDb(`${store.name}-search`);
    searchDbs.set(store, found);
  }
  return found;
}

/** What the index keeps of each draft, to tell later that the stored draft has changed. */
export type DraftStamp = Pick<Draft, 'id' | 'updatedAt'>;

function docsOf(drafts: DraftStamp[]): Pick<Built, 'docs' | 'newest'> {
  const docs = new Map<string, string>();
  let newest = '';
  for (const draft of drafts) {
    docs.set(draft.id, draft.updatedAt);
    if (draft.updatedAt > newest) newest = draft.updatedAt;
  }
  return { docs, newest };
}

function toRow(built: Built): SnapshotRow {
  return { key: KEY, version: SEARCH_INDEX_VERSION, index: built.search.toJSON(), docs: [...built.docs], newest: built.newest };
}

async function build(store: ClipperDb): Promise<Built> {
  const drafts = await readAllDrafts(store);
  return { search: createDraftSearch(drafts.map(searchDocument)), ...docsOf(drafts), unsaved: drafts.length || 1 };
}

async function loadSaved(store: ClipperDb): Promise<Built | undefined> {
  try {
    const row = await searchDb(store).snapshots.get(KEY);
    if (!row || row.version !== SEARCH_INDEX_VERSION) return undefined;
    return { search: loadDraftSearch(row.index), docs: new Map(row.docs), newest: row.newest, unsaved: 0 };
  } catch (error) {
    console.warn('Saved search index unreadable; rebuilding it.', error);
    return undefined;
  }
}

/** Re-indexes the given drafts and drops the given ids. */
function apply(built: Built, drafts: Draft[], gone: Iterable<string> = []): void {
  for (const id of gone) {
    if (!built.docs.delete(id)) continue;
    built.search.remove(id);
    built.unsaved += 1;
  }
  for (const draft of drafts) {
    built.search.upsert(searchDocument(draft));
    built.docs.set(draft.id, draft.updatedAt);
    if (draft.updatedAt > built.newest) built.newest = draft.updatedAt;
    built.unsaved += 1;
  }
}

/** Brings `built` up to date with the store; `false` when so much changed that a rebuild is quicker. */
async function refresh(built: Built, store: ClipperDb): Promise<boolean> {
  return store.transaction('r', store.drafts, async () => {
    const [ids, changed] = await Promise.all([
      readDraftIds(store),
      readDraftsChangedAfter(store, built.newest),
    ]);
    if (changed.length > REBUILD_ABOVE) return false;
    apply(built, changed);
    // Ids, not counts, tell deleted drafts and drafts stored with an older date: a deletion and an older
    // import would leave the counts equal.
    const present = new Set(ids);
    const gone = [...built.docs.keys()].filter((id) => !present.has(id));
    const unknown = ids.filter((id) => !built.docs.has(id));
    if (unknown.length > REBUILD_ABOVE) return false;
    if (unknown.length === 0 && gone.length === 0) return true;
    const drafts = await readDrafts(store, unknown);
    apply(built, drafts, gone);
    return true;
  });
}

const built = new WeakMap<ClipperDb, Promise<Built>>();
const saving = new WeakMap<ClipperDb, ReturnType<typeof setTimeout>>();

/**
 * Saves the index a little later, off the path of the query that needed it. An index built from scratch
 * is saved at once (after the query's answer is drawn): pages like the popup are often closed within a
 * second of their first query, and an index they never saved is built again at every cold start.
 */
function saveSoon(store: ClipperDb, index: Built, rebuilt: boolean): void {
  if (index.unsaved === 0 || (index.unsaved < SAVE_ABOVE && index.docs.size > SAVE_ABOVE)) return;
  clearTimeout(saving.get(store));
  saving.set(
    store,
    setTimeout(
      () => {
        saving.delete(store);
        if (built.get(store) === undefined) return;
        void saveSearch(store, index).catch((error: unknown) => console.warn('Could not save the search index.', error));
      },
      rebuilt ? SAVE_REBUILT_AFTER_MS : 1_000,
    ),
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

/**
 * Who builds and saves the index when a page finds none saved (or one too far behind): the extension's
 * worker, which outlives the page. A popup is often closed within a second of its first query; an index it
 * built itself would be lost with it, and the next popup would build it again.
 */
let keeper: (() => Promise<void>) | undefined;

/** Pages name the worker's `keepSearchIndexSaved` (through a message) here; without it a page builds its own index. */
export function keepSearchIndexWith(keep: (() => Promise<void>) | undefined): void {
  keeper = keep;
}

/** The saved index brought up to date with the store, or `undefined` when there is none or a rebuild is quicker. */
async function savedUpToDate(store: ClipperDb): Promise<Built | undefined> {
  const saved = await loadSaved(store);
  return saved && (await refresh(saved, store)) ? saved : undefined;
}

/** `askKeeper`: when no saved index will do, have the keeper build and save one (pages do; the keeper itself does not). */
async function upToDate(store: ClipperDb, previous: Promise<Built> | undefined, askKeeper: boolean): Promise<Built | undefined> {
  if (previous) {
    const loaded = await previous.catch(() => undefined);
    return loaded && (await refresh(loaded, store)) ? loaded : undefined;
  }
  const saved = await savedUpToDate(store);
  if (saved || !keeper || !askKeeper) return saved;
  try {
    await keeper();
  } catch (error) {
    // Saved before the answer, for the same reason the worker saves it: the page may close right after.
    console.warn('The worker could not save the search index; building and saving it here.', error);
    const index = await build(store);
    await saveSearch(store, index);
    return index;
  }
  return savedUpToDate(store);
}

async function current(store: ClipperDb, askKeeper = true): Promise<Built> {
  const previous = built.get(store);
  const next = (async () => {
    const loaded = await upToDate(store, previous, askKeeper);
    const index = loaded ?? (await build(store));
    saveSoon(store, index, loaded === undefined);
    return index;
  })();
  built.set(store, next);
  return next;
}

const keeping = new WeakMap<ClipperDb, Promise<void>>();

/**
 * Brings the saved index up to date with the store (building it if need be) and saves it, then lets go of
 * it. Run by the extension's worker for pages that found no usable saved index; asks that come while one
 * is under way wait for it.
 */
export function keepSearchIndexSaved(store: ClipperDb = db()): Promise<void> {
  let pending = keeping.get(store);
  if (!pending) {
    pending = (async () => {
      const index = await current(store, false);
      clearTimeout(saving.get(store));
      if (index.unsaved > 0) await saveSearch(store, index);
    })().finally(() => {
      keeping.delete(store);
      built.delete(store);
    });
    keeping.set(store, pending);
  }
  return pending;
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

/** The index of exactly these drafts' documents, to save (after an import into an empty store, in its worker). */
export function indexOfImported(documents: SearchDocument[], drafts: DraftStamp[]): SnapshotRow {
  const { docs, newest } = docsOf(drafts);
  return { key: KEY, version: SEARCH_INDEX_VERSION, index: createDraftSearch(documents).toJSON(), docs: [...docs], newest };
}

/**
 * Forgets this page's index, unsaved changes and all: its next search loads the saved one, or builds it.
 * For a page whose drafts were replaced elsewhere (by an import in a worker).
 */
export function forgetSearch(store: ClipperDb = db()): void {
  built.delete(store);
  clearTimeout(saving.get(store));
}

/** Saves an index made by `indexOfImported`; the next search of any page loads it. */
export async function saveIndexed(store: ClipperDb, row: SnapshotRow): Promise<void> {
  forgetSearch(store);
  await searchDb(store).snapshots.put(row);
}

/** Forgets the index (in this page and saved), e.g. after an import replaced drafts with older versions. */
export async function dropSearch(store: ClipperDb = db()): Promise<void> {
  forgetSearch(store);
  await searchDb(store).snapshots.delete(KEY);
}
