/**
 * Revision history: a snapshot of a draft is kept before an edit changes it (taken by the write path,
 * src/store/draft-write.ts: bursts of typing are coalesced, and each draft keeps its newest MAX_REVISIONS).
 */
import type { Draft } from '../core/draft.ts';
import { keepingAllQuotes, systemClock, type Clock } from '../core/clip-ops.ts';
import { Dexie } from 'dexie';
import { db, type ClipperDb, type RevisionRow } from './db.ts';
import { changeDraft } from './draft-write.ts';

export { MAX_REVISIONS, REVISION_GAP_MS } from './draft-write.ts';

export async function listRevisions(draftId: string, store: ClipperDb = db()): Promise<RevisionRow[]> {
  return store.revisions.where('[draftId+at]').between([draftId, Dexie.minKey], [draftId, Dexie.maxKey]).reverse().toArray();
}

/** Puts a revision's fields back; the state it replaces is kept as a revision too, so restore can be undone. */
export async function restoreRevision(revisionId: number, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return store.transaction('rw', store.drafts, store.revisions, async () => {
    const revision = await store.revisions.get(revisionId);
    if (!revision) throw new Error(`Revision ${revisionId} no longer exists.`);
    const now = clock.now();
    // The submission record is the outbox's, not the editor's: a restore never un-sends anything.
    // Quotes taken since the revision stay, and quotes removed since come back.
    return changeDraft(
      store,
      revision.draftId,
      (current) => keepingAllQuotes({ ...revision.draft, submission: current.submission, reviewState: current.reviewState, updatedAt: now }, current),
      { revision: { reason: 'restore', at: now, force: true } },
    );
  });
}
