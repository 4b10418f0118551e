/** Review states, claims and times as the reviewer reads them. */
import type { ReviewState } from '../../core/draft.ts';
import type { ReviewClaim } from '../../core/review-contract.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';

const STATE_KEYS: Record<ReviewState, MessageKey> = {
  draft: 'rq_state_draft',
  submitted: 'rq_state_submitted',
  in_review: 'rq_state_in_review',
  changes_requested: 'rq_state_changes_requested',
  approved: 'rq_state_approved',
  rejected: 'rq_state_rejected',
  published: 'rq_state_published',
  withdrawn: 'rq_state_withdrawn',
};

export const stateLabel = (state: ReviewState) => t(STATE_KEYS[state]);

/** A moment in the reader's locale, to the minute. */
export const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Who holds the draft: nobody, me, or another reviewer, and until when. */
export function claimLine(claim: ReviewClaim | null, myId: string): string {
  if (!claim) return t('rq_unclaimed');
  const until = new Date(claim.expiresAt).toLocaleTimeString(undefined, { timeStyle: 'short' });
  return claim.userId === myId ? t('rq_claimed_by_me', until) : t('rq_claimed_by', claim.name, until);
}
