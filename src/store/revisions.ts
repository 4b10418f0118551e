/**
 * Revision history: a snapshot of a draft is kept before an edit changes it. Bursts of typing are
 * coalesced (one snapshot per draft per REVISION_GAP_MS), and each draft keeps its newest MAX_REVISIONS.
 */
import { Draft as DraftSchema, type Draft } from '../core/draft.ts';
import { keepingAllQuotes, systemClock, type Clock } from '../core/clip-ops.ts';
import { Dexie } from 'dexie';
import { db, type ClipperDb, type RevisionRow } from './db.ts';
import { DraftNotFoundError } from './drafts.ts';

export const REVISION_GAP_MS = 60_000;
export const MAX_REVISIONS = 50;

export async function listRevisions(draftId: string, store: ClipperDb = db()): Promise<RevisionRow[]> {
  return store.revisions.where('[draftId+at]').between([draftId, Dexie.minKey], [draftId, Dexie.maxKey]).reverse().toArray();
}

/**
 * Keeps `previous` as a revision unless one was taken moments ago. Call inside a transaction that
 * includes `store.revisions`.
 */
export async function snapshotBeforeEdit(previous: Draft, reason: RevisionRow['reason'], store: ClipperDb, now: string, force = false): Promise<void> {
  const latest = await store.revisions.where('[draftId+at]').between([previous.id, Dexie.minKey], [previous.id, Dexie.maxKey]).last();
  if (!force && latest && Date.parse(now) - Date.parse(latest.at) < REVISION_GAP_MS) return;
  await store.revisions.add({ draftId: previous.id, at: now, reason, draft: previous });
  const keys = await store.revisions.where('[draftId+at]').between([previous.id, Dexie.minKey], [previous.id, Dexie.maxKey]).primaryKeys();
  if (keys.length > MAX_REVISIONS) await store.revisions.bulkDelete(keys.slice(0, keys.length - MAX_REVISIONS));
}

/** Puts a revision's fields back; the state it replaces is kept as a revision too, so restore can be undone. */
export async function restoreRevision(revisionId: number, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return store.transaction('rw', store.drafts, store.revisions, async () => {
    const revision = await store.revisions.get(revisionId);
    if (!revision) throw new Error(`Revision ${revisionId} no longer exists.`);
    const current = await store.drafts.get(revision.draftId);
    if (!current) throw new DraftNotFoundError(revision.draftId);
    const now = clock.now();
    await snapshotBeforeEdit(current, 'restore', store, now, true);
    // The submission record is the outbox's, not the editor's: a restore never un-sends anything.
    // Quotes taken since the revision stay, and quotes removed since come back.
    const fields = { ...revision.draft, submission: current.submission, reviewState: current.reviewState, updatedAt: now };
    const restored = DraftSchema.parse(keepingAllQuotes({ ...fields, clips: fields.clips ?? [] }, current));
    await store.drafts.put(restored);
    return restored;
  });
}
