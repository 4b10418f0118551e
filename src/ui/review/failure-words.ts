/** An archive refusal during review, in plain words: what happened and what to do now. */
import type { ApiFailure } from '../../archive/client.ts';
import { t, type MessageKey } from '../../i18n/i18n.ts';

const BY_CODE: Record<string, MessageKey> = {
  already_claimed: 'rq_err_already_claimed',
  stale_revision: 'rq_err_stale_revision',
  claim_expired: 'rq_err_claim_expired',
  not_claimed: 'rq_err_not_claimed',
  comment_required: 'rq_err_comment_required',
  invalid_transition: 'rq_err_invalid_transition',
  not_found: 'rq_err_not_found',
};

export function reviewFailure(failure: ApiFailure): string {
  if (failure.kind !== 'http') return failure.message;
  if (failure.status === 401) return t('rq_err_token_rejected');
  if (failure.status === 429) return t('rq_err_rate_limited');
  const key = BY_CODE[failure.code];
  if (key) return t(key);
  if (failure.status === 403) return t('rq_err_forbidden', failure.message);
  return t('rq_err_other', failure.status, failure.message);
}

