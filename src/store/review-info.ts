/**
 * What the archive says about the review of the editor's own drafts: state, claim, INC id, the audit trail's
 * decisions and the reviewers' comments. Read from the archive when a draft under review is shown, and kept
 * (a key-value row of the sync table per draft) so the popup and the editor still show it offline.
 */
import { z } from 'zod';
import type { ReviewClient } from '../archive/review-client.ts';
import { ReviewComment, ReviewEvent, ReviewStatus } from '../core/review-contract.ts';
import { db, type ClipperDb } from './db.ts';

const PREFIX = 'review:';

export const ReviewInfo = z.object({
  status: ReviewStatus,
  events: z.array(ReviewEvent),
  comments: z.array(ReviewComment),
  fetchedAt: z.string(),
});
export type ReviewInfo = z.infer<typeof ReviewInfo>;

export async function cachedReview(draftId: string, store: ClipperDb = db()): Promise<ReviewInfo | undefined> {
  const parsed = ReviewInfo.safeParse((await store.syncMeta.get(PREFIX + draftId))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Asks the archive for the draft's review and keeps the answer; on any failure the kept copy stays. */
export async function refreshReview(client: ReviewClient, draftId: string, store: ClipperDb = db(), now = new Date()): Promise<ReviewInfo | undefined> {
  const [read, comments] = await Promise.all([client.draft(draftId), client.comments(draftId)]);
  if (!read.ok || !comments.ok) return cachedReview(draftId, store);
  const info: ReviewInfo = { status: read.value.status, events: read.value.events, comments: comments.value, fetchedAt: now.toISOString() };
  await store.syncMeta.put({ key: PREFIX + draftId, value: info });
  return info;
}
