/** Export of everything, and all-or-nothing import in one Dexie transaction. */
import { keepingAllQuotes } from '../core/clip-ops.ts';
import { Draft as DraftSchema, type Clip, type Draft } from '../core/draft.ts';
import { Dexie } from 'dexie';
import { makeBackup, type Backup, type Rejection, type RevisionRecord } from '../workspace/io/backup.ts';
import { db, type ClipperDb } from './db.ts';
import { dropSearch, saveIndexed } from './search.ts';
import { startBackupCheck, type BackupCheck } from './backup-check.ts';

export async function exportEverything(store: ClipperDb = db(), now = new Date().toISOString()): Promise<Backup> {
  return store.transaction('r', store.drafts, store.revisions, async () => {
    const [drafts, revisions] = await Promise.all([store.drafts.toArray(), store.revisions.toArray()]);
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

/**
 * Imports a backup file's text. Drafts are put by id (a re-import of the same file changes nothing;
 * a draft replaced by a different version is kept as an `import` revision, and no quote of either version
 * is lost); if any row is rejected, nothing at all is written.
 *
 * For speed with large files, the file is checked off this thread (backup-check.ts) and the drafts are
 * written as they pass, all in one transaction that is aborted (so nothing at all is stored) as soon as the
 * check rejects the file. Drafts identical to the stored ones are not written again. When the store was
 * empty, the check also builds the search index of the imported drafts, saved with them.
 */
export async function importEverything(text: string, store: ClipperDb = db(), onProgress: ImportProgress = () => {}): Promise<ImportOutcome> {
  const knownDraftIds = (await store.drafts.toCollection().primaryKeys()) as string[];
  const known = new Set(knownDraftIds);
  const check = startBackupCheck({ text, knownDraftIds, index: known.size === 0 });
  let replacedAny = false;
  try {
    const outcome = await store.transaction('rw', store.drafts, store.revisions, async () => {
      const at = new Date().toISOString();
      const writes: Promise<unknown>[] = [];
      let queued = 0;
      let written = 0;
      const put = async (rows: Draft[]) => {
        queued += rows.length;
        await store.drafts.bulkPut(rows);
        onProgress((written += rows.length), queued);
      };
      // A draft the file has in another version: both versions' quotes are kept, and the stored one in its history.
      const putChanged = async (rows: Draft[]) => {
        const stored = new Map((await store.drafts.bulkGet(rows.map((row) => row.id))).flatMap((row) => (row ? [[row.id, row] as const] : [])));
        const replaced: Draft[] = [];
        const fresh = rows.flatMap((row) => {
          const old = stored.get(row.id);
          if (!old) return [row];
          const merged = keepingAllQuotes(row, old);
          if (sameDraft(merged, old)) return [];
          replaced.push(old);
          return [merged];
        });
        if (replaced.length > 0) {
          replacedAny = true;
          await store.revisions.bulkAdd(replaced.map((draft) => ({ draftId: draft.id, at, reason: 'import' as const, draft })));
        }
        if (fresh.length > 0) await put(fresh);
      };
      for (;;) {
        // waitFor keeps the transaction open while the check runs elsewhere.
        const message = await Dexie.waitFor(check.next(), CHECK_TIMEOUT_MS);
        if (message.kind === 'drafts') {
          writes.push(message.rows.some((row) => known.has(row.id)) ? putChanged(message.rows) : put(message.rows));
        } else if (message.kind === 'rejected') {
          // Throwing aborts the transaction: the writes already made are undone, and fail as they are.
          for (const write of writes) write.catch(() => undefined);
          throw new Rejected(message.rejected);
        } else if (message.kind === 'checked') {
          await Promise.all(writes);
          await addClipsToStoredDrafts(store, message.clipsForStoredDrafts);
          const revisions = message.revisions;
          let fresh: RevisionRecord[] = [];
          if (revisions.length > 0) {
            const stored = new Set((await store.revisions.where('draftId').anyOf(revisions.map((r) => r.draftId)).toArray()).map(revisionKey));
            fresh = revisions.filter((revision) => !stored.has(revisionKey(revision)));
            await store.revisions.bulkAdd(fresh);
          }
          return { ok: true as const, drafts: message.drafts, clips: message.clips, revisions: fresh.length };
        }
      }
    });
    await updateSearch(store, check, known.size === 0 && outcome.drafts > 0, replacedAny);
    return outcome;
  } catch (error) {
    check.stop();
    if (error instanceof Rejected) return { ok: false, rejected: error.rejected };
    throw error;
  }
}

/** A check (of a 10,000-draft file: two seconds) that takes longer than this has stopped. */
const CHECK_TIMEOUT_MS = 120_000;

const sameDraft = (a: Draft, b: Draft) => JSON.stringify({ ...a, quotedUrls: undefined }) === JSON.stringify({ ...b, quotedUrls: undefined });

/** Version 1 backups: quotes of drafts that only this browser has go into those drafts (a quote in both is the file's). */
async function addClipsToStoredDrafts(store: ClipperDb, clipsByDraft: Map<string, Clip[]>): Promise<number> {
  if (clipsByDraft.size === 0) return 0;
  const stored = await store.drafts.bulkGet([...clipsByDraft.keys()]);
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
  await store.drafts.bulkPut(changed);
  return count;
}

async function updateSearch(store: ClipperDb, check: BackupCheck, indexing: boolean, replacedAny: boolean): Promise<void> {
  try {
    // An older version of a draft has an older date: the saved index would not notice it came back.
    if (replacedAny) await dropSearch(store);
    else if (indexing) {
      const message = await check.next();
      if (message.kind === 'indexed') await saveIndexed(store, message.snapshot);
    }
  } catch (error) {
    console.warn('Could not update the search index after the import.', error);
  } finally {
    check.stop();
  }
}
