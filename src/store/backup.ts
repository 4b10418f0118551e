/** Export of everything, and all-or-nothing import in one Dexie transaction. */
import type { Clip, Draft } from '../core/draft.ts';
import { makeBackup, parseBackup, type Backup, type Rejection, type RevisionRecord } from '../workspace/io/backup.ts';
import { db, type ClipperDb } from './db.ts';

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

/**
 * Imports a backup file's text. Rows are put by id (a re-import of the same file changes nothing;
 * a draft replaced by a different version is kept as an `import` revision); if any row is rejected,
 * nothing at all is written.
 */
export async function importEverything(text: string, store: ClipperDb = db()): Promise<ImportOutcome> {
  const known = new Set((await store.drafts.toCollection().primaryKeys()) as string[]);
  const parsed = parseBackup(text, known);
  if (!parsed.ok) return parsed;
  const { drafts, clips, revisions } = parsed.backup;
  return store.transaction('rw', store.drafts, store.clips, store.revisions, async () => {
    // A draft the file replaces with different content is kept in its history first.
    const existing = await store.drafts.bulkGet(drafts.map((draft) => draft.id));
    const at = new Date().toISOString();
    const replaced = existing.filter((old, index): old is Draft => old !== undefined && JSON.stringify(old) !== JSON.stringify(drafts[index]));
    await store.revisions.bulkAdd(replaced.map((draft) => ({ draftId: draft.id, at, reason: 'import' as const, draft })));
    await store.drafts.bulkPut(drafts as Draft[]);
    await store.clips.bulkPut(clips as Clip[]);
    const known = new Set((await store.revisions.where('draftId').anyOf(revisions.map((r) => r.draftId)).toArray()).map(revisionKey));
    const fresh = revisions.filter((revision) => !known.has(revisionKey(revision)));
    await store.revisions.bulkAdd(fresh);
    return { ok: true as const, drafts: drafts.length, clips: clips.length, revisions: fresh.length };
  });
}
