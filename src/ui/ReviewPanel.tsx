/**
 * The editor's view of a draft's review, in the popup and the editor: where it stands (who reviews it, the
 * INC id once published), what the reviewers asked to change, their comments beside what they are about,
 * and the author's own moves (resubmit after changes were requested, withdraw).
 */
import { useState } from 'preact/hooks';
import type { Draft, ReviewState } from '../core/draft.ts';
import type { ReviewComment, ReviewEvent } from '../core/review-contract.ts';
import { t, type MessageKey } from '../i18n/i18n.ts';
import type { ReviewInfo } from '../store/review-info.ts';
import { fieldLabel } from './field-label.ts';
import { PageText } from './PageText.tsx';
import { send } from './send.ts';
import { inReview, useReview } from './use-review.ts';

/** The archive decides these; an edit reopens the first two (see README "Review"). */
const REOPENED_BY_EDIT = new Set<ReviewState>(['in_review', 'approved']);
const CAN_RESUBMIT = new Set<ReviewState>(['changes_requested', 'withdrawn']);
const CAN_WITHDRAW = new Set<ReviewState>(['submitted', 'changes_requested']);

/** The decision that put the draft where it is (its reason is what the reviewer said). */
const lastDecision = (events: ReviewEvent[], state: ReviewState) => [...events].reverse().find((event) => event.to === state && event.action === 'transition');

function StateLine({ draft, info }: { draft: Draft; info: ReviewInfo | null | undefined }) {
  const state = info?.status.state ?? draft.reviewState;
  const publishedId = info?.status.publishedId ?? (state === 'published' ? draft.submission?.archiveId : undefined);
  const claim = info?.status.claim;
  const reason = info && (state === 'changes_requested' || state === 'rejected') ? lastDecision(info.events, state)?.reason : undefined;
  return (
    <>
      <p class={`review-state ${state === 'rejected' ? 'error' : state === 'published' ? 'ok' : ''}`} role="status" data-testid="review-state" data-state={state}>
        {state === 'published' && publishedId ? (
          <>
            {t('re_state_published_as')} <strong data-testid="published-id">{publishedId}</strong>
          </>
        ) : state === 'in_review' && claim ? (
          t('re_state_in_review_by', claim.name)
        ) : (
          t(`re_state_${state}` as MessageKey)
        )}
      </p>
      {reason && (
        <p class="review-reason">
          <span class="muted">{t('re_reviewer_said')}</span> <PageText text={reason} />
        </p>
      )}
      {REOPENED_BY_EDIT.has(state) && <p class="muted">{t('re_edit_reopens')}</p>}
    </>
  );
}

function anchorOf(comment: ReviewComment, draft: Draft): string {
  if (comment.field) return fieldLabel(comment.field, draft);
  if (comment.quoteId) return t('re_comment_on_quote');
  return t('re_comment_on_draft');
}

function Comment({ comment, replies, draft }: { comment: ReviewComment; replies: ReviewComment[]; draft: Draft }) {
  const flags = [comment.resolved && t('re_comment_resolved'), comment.outdated && t('re_comment_outdated')].filter(Boolean).join(' · ');
  return (
    <li class={`review-comment ${comment.resolved ? 'resolved' : ''}`} data-comment={comment.id} data-field={comment.field ?? undefined} data-open={String(!comment.resolved)}>
      <p class="comment-head">
        <strong>{anchorOf(comment, draft)}</strong> <span class="muted">· <PageText text={comment.authorName} /> · {new Date(comment.createdAt).toLocaleString()}</span>
        {flags && <span class="comment-flag"> · {flags}</span>}
      </p>
      {comment.quotedText && (comment.outdated || comment.quoteId) && (
        <blockquote class="comment-quote">
          <PageText text={comment.quotedText} />
        </blockquote>
      )}
      <p class="comment-body">
        <PageText text={comment.body} />
      </p>
      {replies.length > 0 && (
        <ul class="comment-replies">
          {replies.map((reply) => (
            <Comment key={reply.id} comment={reply} replies={[]} draft={draft} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Open comments first (they say what to change), then the resolved ones; replies under their comment. */
function Comments({ comments, draft }: { comments: ReviewComment[]; draft: Draft }) {
  const roots = comments.filter((comment) => comment.parentId === null || !comments.some((other) => other.id === comment.parentId));
  const ordered = [...roots.filter((comment) => !comment.resolved), ...roots.filter((comment) => comment.resolved)];
  const open = roots.filter((comment) => !comment.resolved).length;
  return (
    <section aria-labelledby="review-comments-heading" class="review-comments">
      <h3 id="review-comments-heading">{t('re_comments_heading', open, comments.length)}</h3>
      <ul>
        {ordered.map((comment) => (
          <Comment key={comment.id} comment={comment} replies={comments.filter((reply) => reply.parentId === comment.id)} draft={draft} />
        ))}
      </ul>
    </section>
  );
}

function Moves({ draft, state }: { draft: Draft; state: ReviewState }) {
  const [busy, setBusy] = useState<'submitted' | 'withdrawn' | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function move(to: 'submitted' | 'withdrawn') {
    setBusy(to);
    setError(null);
    const reply = await send('review.move', { draftId: draft.id, to });
    setBusy(null);
    if (!reply.ok) setError(reply.error);
  }
  if (!CAN_RESUBMIT.has(state) && !CAN_WITHDRAW.has(state)) return null;
  return (
    <>
      <div class="row review-moves">
        {CAN_RESUBMIT.has(state) && (
          <button type="button" class="primary" disabled={busy !== null} onClick={() => void move('submitted')}>
            {busy === 'submitted' ? t('re_resubmitting') : t('re_resubmit')}
          </button>
        )}
        {CAN_WITHDRAW.has(state) && (
          <button type="button" disabled={busy !== null} onClick={() => void move('withdrawn')}>
            {busy === 'withdrawn' ? t('re_withdrawing') : t('re_withdraw')}
          </button>
        )}
      </div>
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function ReviewPanel({ draft }: { draft: Draft }) {
  const info = useReview(draft);
  if (!inReview(draft)) return null;
  const state = info?.status.state ?? draft.reviewState;
  return (
    <section class="notice review-panel" aria-label={t('re_panel_label')} data-testid="review-panel">
      <StateLine draft={draft} info={info} />
      {info && info.comments.length > 0 && <Comments comments={info.comments} draft={draft} />}
      <Moves draft={draft} state={state} />
      {info && <p class="muted small">{t('re_checked_at', new Date(info.fetchedAt).toLocaleString())}</p>}
    </section>
  );
}
