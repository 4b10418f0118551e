/** Where a draft stands, in a word or two, for the drafts lists (popup and editor picker). */
import type { Draft } from '../core/draft.ts';
import { t } from '../i18n/i18n.ts';

export type DraftStateKind = 'draft' | 'waiting' | 'submitted' | 'refused' | 'in_review' | 'changes_requested' | 'approved';

export function draftState(draft: Draft): { kind: DraftStateKind; label: string } {
  const submission = draft.submission;
  switch (submission?.state) {
    case 'accepted':
      return { kind: 'submitted', label: t('popup_state_submitted', submission.submissionId ?? t('popup_pending_id')) };
    case 'queued':
    case 'sending':
      return { kind: 'waiting', label: t('popup_state_waiting') };
    case 'failed':
      return { kind: 'refused', label: t('popup_state_refused') };
  }
  switch (draft.reviewState) {
    case 'in_review':
      return { kind: 'in_review', label: t('draft_state_in_review') };
    case 'changes_requested':
      return { kind: 'changes_requested', label: t('draft_state_changes_requested') };
    case 'approved':
      return { kind: 'approved', label: t('draft_state_approved') };
    default:
      return { kind: 'draft', label: t('draft_state_draft') };
  }
}
