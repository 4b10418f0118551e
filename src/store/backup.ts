/** Export of everything, and all-or-nothing import in one Dexie transaction. */
import { keepingAllQuotes } from '../core/clip-ops.ts';
import { Draft as DraftSchema, type Clip, type Draft } from '../core/draft.ts';
import { makeBackup, parseBackup, type Backup, type Rejection, type RevisionRecord } from '../workspace/io/backup.ts';
import { searchDocument, type SearchDocument } from '../workspace/search.ts';
import { announceTableChanged, db, type ClipperDb } from './db.ts';
import { readAllDrafts, readDraftIds, readDraftsOrNone } from './draft-read.ts';
import { importedDraftsWriter, putDrafts } from './draft-write.ts';
import { dropSearch, indexOfImported, saveIndexed, type DraftStamp } from './search.ts';
import { keepingSubmission, reconcileImportedSubmissions } from './outbox.ts';

export async function exportEverything(store: ClipperDb = db(), now = new Date().toISOString()): Promise<Backup> {
  return store.transaction('r', store.drafts, store.revisions, async () => {
    const [drafts, revisions] = await Promise.all([readAllDrafts(store), store.revisions.toArray()]);
    return makeBackup(
      drafts,
      revisions.map(({ draftId, at, reason, draft }): RevisionRecord => ({ draftId, at, reason, draft })),
      now,
    );
  });
}

export type ImportOutcome = { ok: true; drafts: number; clips: number; revisions: number } | { ok: false; rejected: Rejection[] };

const revisionKey = (row: Pick<RevisionRecord, 'draftId' | 'at' | 'reason'>) => `${row.draftId} ${row.at} ${row.reason}`;

/** Thrown inside the import transaction to roll back whatever was already written. */
class Rejected extends Error {
  constructor(readonly rejected: Rejection[]) {
    super('Backup rejected');
  }
}

/** Called as rows are stored: rows written so far, of the rows queued for writing so far. */
export type ImportProgress = (written: number, total: number) => void;

/** Runs the search indexing that follows an import: the import's worker runs it once it has sent the outcome. */
export type Later = (work: () => Promise<void>) => void;

/**
 * Imports a backup file (or its text). Drafts are put by id (a re-import of the same file changes nothing;
 * a draft replaced by a different version is kept as an `import` revision, and no quote of either version
 * is lost); if any row is rejected, nothing at all is written.
 *
 * For speed with large files, the file is checked inside the one transaction, and each chunk of drafts
 * that passes is put at once: the database writes it while the rest is checked. A rejection anywhere
 * aborts the transaction, so nothing at all is stored. Drafts identical to the stored ones are not written
 * again. A stored draft's submission record is never stripped or rolled back, and what waits to be sent
 * gets its outbox row (see `keepingSubmission`, `reconcileImportedSubmissions`). When the store was empty,
 * the search index of the imported drafts is built afterwards (when `later` says), and saved.
 * The check holds the thread for the whole file: pages run this in a worker (see `importBackup`).
 */
export async function importEverything(file: Blob | string, store: ClipperDb = db(), onProgress: ImportProgress = () => {}, later: Later = (work) => void work()): Promise<ImportOutcome> {
  const known = new Set(await readDraftIds(store));
  // What the search index needs of each imported draft, gathered as the drafts pass (when they are all there is).
  const indexing = known.size === 0;
  const documents: SearchDocument[] = [];
  const stamps: DraftStamp[] = [];
  let replacedAny = false;
  // Read before the transaction starts: a transaction waiting for the file would commit, empty, meanwhile.
  const text = typeof file === 'string' ? file : await file.text();
  try {
    const outcome = await store.transaction('rw', [store.drafts, store.revisions, store.outbox, store.syncOps, store.syncCopies, store.syncMeta], async () => {
      const writer = draftWriter(store, onProgress);
      const writes: Promise<unknown>[] = [];
      const parsed = parseBackup(text, known, {
        drafts(rows) {
          writes.push(rows.some((row) => known.has(row.id)) ? writer.putChanged(rows) : writer.put(rows));
          if (!indexing) return;
          for (const draft of rows) {
            documents.push(searchDocument(draft));
            stamps.push({ id: draft.id, updatedAt: draft.updatedAt });
          }
        },
      });
      if (!parsed.ok) {
        // Throwing aborts the transaction: the writes already made are undone, and fail as they are.
        for (const write of writes) write.catch(() => undefined);
        throw new Rejected(parsed.rejected);
      }
      await Promise.all(writes);
      replacedAny = writer.replacedAny;
      await reconcileImportedSubmissions(store, writer.submissions);
      await addClipsToStoredDrafts(store, parsed.clipsForStoredDrafts);
      return { ok: true as const, ...parsed.counts, revisions: await addNewRevisions(store, parsed.backup.revisions) };
    });
    if (outcome.drafts > 0) announceTableChanged(store.drafts);
    const warn = (error: unknown) => console.warn('Could not update the search index after the import.', error);
    // Versions of drafts the file brought back are older than the saved index knows: it goes.
    if (replacedAny) await dropSearch(store).catch(warn);
    // Not awaited: the import is done; a search before the index is saved indexes anew.
    else if (stamps.length > 0) later(async () => saveIndexed(store, indexOfImported(documents, stamps)).catch(warn));
    return outcome;
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejected: error.rejected };
    throw error;
  }
}

/** Writes an import's drafts, inside its transaction, telling `onProgress` as batches are stored. */
function draftWriter(store: ClipperDb, onProgress: ImportProgress) {
  const at = new Date().toISOString();
  const putUnseen = importedDraftsWriter();
  let queued = 0;
  let written = 0;
  const writer = {
    /** Whether a stored draft was replaced by another version (kept in its history). */
    replacedAny: false,
    /** Drafts written that the archive accepted, and drafts written waiting to be sent (for the outbox to reconcile). */
    submissions: { accepted: [] as string[], waiting: [] as string[] },
    noteSubmission(row: Draft): void {
      const state = row.submission?.state;
      if (state === 'accepted') writer.submissions.accepted.push(row.id);
      else if (state === 'queued' || state === 'sending') writer.submissions.waiting.push(row.id);
    },
    // A plain promise chain, not an async function: the import awaits these only after the parse, and
    // an async function's own zone then made Dexie see the transaction as committed (PrematureCommitError).
    put(rows: Draft[]): Promise<void> {
      queued += rows.length;
      rows.forEach(writer.noteSubmission);
      return putUnseen(rows).then(() => onProgress((written += rows.length), queued));
    },
    /** For drafts that may be stored already: a different version keeps both versions' quotes, and the stored one in its history. */
    async putChanged(rows: Draft[]): Promise<void> {
      const ids = rows.map((row) => row.id);
      const stored = new Map((await readDraftsOrNone(store, ids)).flatMap((row) => (row ? [[row.id, row] as const] : [])));
      const synced = new Set((await store.syncCopies.bulkGet(ids)).flatMap((row) => (row ? [row.id] : [])));
      const replaced: Draft[] = [];
      const older: Draft[] = [];
      const fresh = rows.flatMap((row) => {
        const old = stored.get(row.id);
        if (!old) return [row];
        // A synced draft is not taken back to an older version: that would be sent as edits undoing newer ones.
        if (synced.has(row.id) && row.updatedAt <= old.updatedAt) {
          if (!sameDraft(row, old)) older.push(row);
          return [];
        }
        const merged = keepingSubmission(keepingAllQuotes(row, old), old);
        if (sameDraft(merged, old)) return [];
        // Both versions' quotes together may be more than one draft may hold.
        const checked = DraftSchema.safeParse(merged);
        if (!checked.success) throw new Rejected(checked.error.issues.map((issue) => ({ path: `draft ${row.id}`, reason: `With the quotes stored in this browser: ${issue.message}` })));
        replaced.push(old);
        return [checked.data];
      });
      if (replaced.length + older.length > 0) {
        writer.replacedAny = true;
        await store.revisions.bulkAdd([...replaced, ...older].map((draft) => ({ draftId: draft.id, at, reason: 'import' as const, draft })));
      }
      // Through Dexie, not the bare fast path: a newer version replacing a stored draft is sent as edits.
      const newer = fresh.filter((row) => stored.has(row.id));
      newer.forEach(writer.noteSubmission);
      await putDrafts(store, newer);
      const unseen = fresh.filter((row) => !stored.has(row.id));
      if (unseen.length > 0) await writer.put(unseen);
    },
  };
  return writer;
}

/** Adds the file's revisions this store does not have yet; returns how many. */
async function addNewRevisions(store: ClipperDb, revisions: RevisionRecord[]): Promise<number> {
  if (revisions.length === 0) return 0;
  const stored = new Set((await store.revisions.where('draftId').anyOf(revisions.map((r) => r.draftId)).toArray()).map(revisionKey));
  const fresh = revisions.filter((revision) => !stored.has(revisionKey(revision)));
  await store.revisions.bulkAdd(fresh);
  return fresh.length;
}

const sameDraft = (a: Draft, b: Draft) => JSON.stringify({ ...a, quotedUrls: undefined }) === JSON.stringify({ ...b, quotedUrls: undefined });

/** Version 1 backups: quotes of drafts that only this browser has go into those drafts (a quote in both is the file's). */
async function addClipsToStoredDrafts(store: ClipperDb, clipsByDraft: Map<string, Clip[]>): Promise<number> {
  if (clipsByDraft.size === 0) return 0;
  const stored = await readDraftsOrNone(store, [...clipsByDraft.keys()]);
  let count = 0;
  const changed = stored.flatMap((draft) => {
    if (!draft) return [];
    const clips = clipsByDraft.get(draft.id)!;
    count += clips.length;
    const updated = keepingAllQuotes({ ...draft, clips }, draft);
    if (sameDraft(updated, draft)) return [];
    const checked = DraftSchema.safeParse(updated);
    if (!checked.success) throw new Rejected(checked.error.issues.map((issue) => ({ path: 'clips', reason: issue.message })));
    return [checked.data];
  });
  await putDrafts(store, changed);
  return count;
}
