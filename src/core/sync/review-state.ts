/**
 * A review decision as every device pulls it: the archive (not a device) writes the draft's review state,
 * under the version the decision took. The review routes do this on the server; the sync property test's
 * archive model does the same to its drafts.
 */
import type { ReviewState } from '../draft.ts';
import type { SyncDraft } from './state.ts';

/** The client id recorded on the review state's register: the archive changed it, not a device. */
export const ARCHIVE_CLIENT = 'archive';

export function withReviewState(state: SyncDraft, to: ReviewState, version: number, actorId: string): SyncDraft {
  return { ...state, rev: version, updatedBy: actorId, fields: { ...state.fields, reviewState: { v: to, rev: version, by: ARCHIVE_CLIENT } } };
}
