/** Export of everything, and all-or-nothing import in one Dexie transaction. */
import type { EntityTable, IDType } from 'dexie';
import type { Draft } from '../core/draft.ts';
import { makeBackup, parseBackup, type Backup, type Rejection, type RevisionRecord } from '../workspace/io/backup.ts';
import { db, type ClipperDb } from './db.ts';
import { dropSearch, indexInBackground, saveIndexed } from './search.ts';

export async function exportEverything(store: ClipperDb = db(), now = new Date().toISOString()): Promise<Backup> {
  return store.transaction('r', store.drafts, store.clips, store.revisions, async () => {
    const [drafts, clips, revisions] = await Promise.all([store.drafts.toArray(), store.clips.toArray(), store.revisions.toArray()]);
    return makeBackup(
      drafts,
      clips,
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

/**
 * Imports a backup file's text. Rows are put by id (a re-import of the same file changes nothing;
 * a draft replaced by a different version is kept as an `import` revision); if any row is rejected,
 * nothing at all is written.
 *
 * For speed with large files, rows are written while the rest of the file is still being checked, all in
 * one transaction that is aborted (so nothing at all is stored) as soon as the check rejects the file.
 * Rows identical to the stored ones are not written again. When the store was empty, the search index
 * of the imported drafts is built while the database writes them, and saved with them.
 */
export async function importEverything(text: string, store: ClipperDb = db(), onProgress: ImportProgress = () => {}): Promise<ImportOutcome> {
  const [draftIds, clipIds] = await store.transaction('r', store.drafts, store.clips, () =>
    Promise.all([store.drafts.toCollection().primaryKeys(), store.clips.toCollection().primaryKeys()]),
  );
  const knownDrafts = new Set(draftIds as string[]);
  const knownClips = new Set(clipIds as string[]);
  let indexed: Promise<Awaited<ReturnType<typeof indexInBackground>> | undefined> | undefined;
  let replacedAny = false;
  try {
    const outcome = await store.transaction('rw', store.drafts, store.clips, store.revisions, async () => {
      const at = new Date().toISOString();
      const writes: Promise<unknown>[] = [];
      let queued = 0;
      let written = 0;
      const put = async <T extends { id: string }>(table: EntityTable<T, 'id'>, rows: T[]) => {
        queued += rows.length;
        await table.bulkPut(rows);
        onProgress((written += rows.length), queued);
      };
      /**
       * Writes the rows that differ from the stored ones. Rows with an id not stored yet are written at once,
       * while the rest of the file is still checked; the others are read back first, to compare.
       */
      const putChanged = <T extends { id: string }>(table: EntityTable<T, 'id'>, rows: T[], known: ReadonlySet<string>, keepReplaced?: (old: T[]) => Promise<unknown>) => {
        const overlap = rows.filter((row) => known.has(row.id));
        if (overlap.length === 0) {
          writes.push(put(table, rows));
          return;
        }
        const compared = table.bulkGet(overlap.map((row) => row.id as IDType<T, 'id'>)).then(async (rowsStored) => {
          const stored = new Map(rowsStored.flatMap((row) => (row ? [[row.id, row] as const] : [])));
          const fresh = rows.filter((row) => !stored.has(row.id) || JSON.stringify(stored.get(row.id)) !== JSON.stringify(row));
          const replaced = fresh.flatMap((row) => stored.get(row.id) ?? []);
          if (replaced.length > 0) await keepReplaced?.(replaced);
          if (fresh.length > 0) await put(table, fresh);
        });
        writes.push(compared);
      };
      // A draft the file replaces with different content is kept in its history first.
      const keepReplacedDrafts = (replaced: Draft[]) => {
        replacedAny = true;
        return store.revisions.bulkAdd(replaced.map((draft) => ({ draftId: draft.id, at, reason: 'import' as const, draft })));
      };
      const parsed = parseBackup(text, knownDrafts, {
        drafts: (rows) => putChanged(store.drafts, rows, knownDrafts, keepReplacedDrafts),
        clips: (rows) => putChanged(store.clips, rows, knownClips),
      });
      if (!parsed.ok) {
        // Throwing aborts the transaction: the writes already made are undone, and fail as they are.
        for (const write of writes) write.catch(() => undefined);
        throw new Rejected(parsed.rejected);
      }
      const { drafts, clips, revisions } = parsed.backup;
      // While the database writes, index the drafts for search if they are all there is.
      if (knownDrafts.size === 0 && knownClips.size === 0 && drafts.length > 0) {
        indexed = indexInBackground(drafts, clips).catch((error: unknown) => {
          console.warn('Could not index the imported drafts; search will index them later.', error);
          return undefined;
        });
      }
      await Promise.all(writes);
      let fresh: RevisionRecord[] = [];
      if (revisions.length > 0) {
        const known = new Set((await store.revisions.where('draftId').anyOf(revisions.map((r) => r.draftId)).toArray()).map(revisionKey));
        fresh = revisions.filter((revision) => !known.has(revisionKey(revision)));
        await store.revisions.bulkAdd(fresh);
      }
      return { ok: true as const, drafts: drafts.length, clips: clips.length, revisions: fresh.length };
    });
    await updateSearch(store, await indexed, replacedAny);
    return outcome;
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, rejected: error.rejected };
    throw error;
  }
}

async function updateSearch(store: ClipperDb, indexed: Awaited<ReturnType<typeof indexInBackground>> | undefined, replacedAny: boolean): Promise<void> {
  try {
    // An older version of a draft has an older date: the saved index would not notice it came back.
    if (replacedAny) await dropSearch(store);
    else if (indexed) await saveIndexed(store, indexed);
  } catch (error) {
    console.warn('Could not update the search index after the import.', error);
  }
}
