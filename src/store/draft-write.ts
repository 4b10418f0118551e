/**
 * The one write path of stored drafts. Every change of a draft (an edit, a quote, a submission's progress,
 * a pull from the archive, an import) is made here: the stored draft is read through draft-read.ts, the
 * next version is checked against the schema, and it is put with Dexie, whose middlewares then keep the
 * index keys (db.ts) and queue the sync ops in the same transaction (sync-outbox.ts).
 * The one exception, `importedDraftsWriter`, is named as such below.
 */
import { Dexie } from 'dexie';
import { Draft as DraftSchema, type Draft } from '../core/draft.ts';
import { withIndexKeys, type ClipperDb, type RevisionRow } from './db.ts';
import { readDraft } from './draft-read.ts';

/** Bursts of typing keep one snapshot per draft per REVISION_GAP_MS; each draft keeps its newest MAX_REVISIONS. */
export const REVISION_GAP_MS = 60_000;
export const MAX_REVISIONS = 50;

export class DraftNotFoundError extends Error {
  constructor(id: string) {
    super(`Draft ${id} no longer exists.`);
  }
}

export interface ChangeOptions {
  /** Keep the stored version in the draft's history first (the transaction must include `revisions`). */
  revision?: { reason: RevisionRow['reason']; at: string; force?: boolean };
}

/**
 * Changes one stored draft: `change` gets the stored draft and gives the next version, or the same object
 * (or undefined) for no change. Returns the draft as stored afterwards. Throws DraftNotFoundError when
 * there is no such draft, and the schema's error (nothing written) when the next version is not a draft.
 * Runs in the caller's transaction when there is one (it must include `drafts`).
 */
export async function changeDraft(store: ClipperDb, draftId: string, change: (stored: Draft) => Draft | undefined, { revision }: ChangeOptions = {}): Promise<Draft> {
  const tables = revision ? [store.drafts, store.revisions] : [store.drafts];
  return store.transaction('rw', tables, async () => {
    const stored = await readDraft(store, draftId);
    if (!stored) throw new DraftNotFoundError(draftId);
    const next = change(stored);
    if (!next || next === stored) return stored;
    const draft = DraftSchema.parse(next);
    if (revision) await snapshotBeforeEdit(stored, revision.reason, store, revision.at, revision.force);
    await store.drafts.put(draft);
    return draft;
  });
}

/**
 * Keeps `previous` as a revision unless one was taken moments ago (`force`: even then). Call inside a
 * transaction that includes `store.revisions`.
 */
async function snapshotBeforeEdit(previous: Draft, reason: RevisionRow['reason'], store: ClipperDb, now: string, force = false): Promise<void> {
  const ofDraft = () => store.revisions.where('[draftId+at]').between([previous.id, Dexie.minKey], [previous.id, Dexie.maxKey]);
  const latest = await ofDraft().last();
  if (!force && latest && Date.parse(now) - Date.parse(latest.at) < REVISION_GAP_MS) return;
  await store.revisions.add({ draftId: previous.id, at: now, reason, draft: previous });
  const keys = await ofDraft().primaryKeys();
  if (keys.length > MAX_REVISIONS) await store.revisions.bulkDelete(keys.slice(0, keys.length - MAX_REVISIONS));
}

/** Stores a new draft (an id already stored is an error). */
export async function addDraft(store: ClipperDb, draft: Draft): Promise<Draft> {
  const checked = DraftSchema.parse(draft);
  await store.drafts.add(checked);
  return checked;
}

/** Stores these versions of drafts, new or not, each checked against the schema first. */
export async function putDrafts(store: ClipperDb, drafts: Draft[]): Promise<void> {
  if (drafts.length === 0) return;
  const checked = drafts.map((draft) => DraftSchema.parse(draft));
  await store.drafts.bulkPut(checked);
}

/**
 * For an import of drafts this store has never had, already checked by the backup's parser: bare
 * IndexedDB puts inside the current Dexie transaction. Dexie's bulkPut would hold on to every row until its
 * batch is stored, while put() has already copied it: a 10,000-draft import spends a third less time
 * collecting garbage so. The bare API passes no middleware, so the index keys are added here, and no sync op
 * is queued: drafts the archive has never had are sent whole on the next sync (queueUnsentDrafts in
 * src/sync/engine.ts), as drafts made before sync was set up are. Tell the pages with
 * `announceTableChanged` once the transaction committed.
 */
export function importedDraftsWriter(): (rows: Draft[]) => Promise<void> {
  const drafts = Dexie.currentTransaction.idbtrans.objectStore('drafts');
  return (rows) => {
    let last: IDBRequest | undefined;
    for (const row of rows) last = drafts.put(withIndexKeys(row));
    return new Promise<void>((resolve, reject) => {
      if (!last) return resolve();
      last.onsuccess = () => resolve();
      last.onerror = () => reject(last.error ?? new Error('The import could not be written.'));
    });
  };
}
