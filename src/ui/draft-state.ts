/** Where a draft stands, in a word or two, for the drafts lists (popup and editor picker). */
import type { Draft } from '../core/draft.ts';
import { t } from '../i18n/i18n.ts';

export type DraftStateKind = 'draft' | 'waiting' | 'submitted' | 'refused' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'rejected' | 'withdrawn';

export function draftState(draft: Draft): { kind: DraftStateKind; label: string } {
  const submission = draft.submission;
  // Once the archive moved the draft on from "submitted", that is its news, whatever the outbox did.
  switch (draft.reviewState) {
    case 'published':
      return { kind: 'published', label: submission?.submissionId ? t('re_list_published_as', submission.archiveId ?? submission.submissionId) : t('re_list_published') };
    case 'rejected':
      return { kind: 'rejected', label: t('re_list_rejected') };
    case 'withdrawn':
      return { kind: 'withdrawn', label: t('re_list_withdrawn') };
    case 'changes_requested':
      return { kind: 'changes_requested', label: t('draft_state_changes_requested') };
  }
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
    case 'approved':
      return { kind: 'approved', label: t('draft_state_approved') };
    default:
      return { kind: 'draft', label: t('draft_state_draft') };
  }
}
