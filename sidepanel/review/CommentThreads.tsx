import { useState } from 'preact/hooks';
import type { AnchorField, CommentRequest, ReviewComment } from '../../src/core/review-contract.ts';
import { t } from '../../src/i18n/i18n.ts';
import { PageText } from '../../src/ui/PageText.tsx';
import { when } from '../../src/ui/review/review-words.ts';
import type { ReviewDraftState } from '../../src/ui/review/use-review-draft.ts';

/** What a thread is about: one field, one quote, or the draft as a whole. */
export type Anchor = { field: AnchorField } | { quoteId: string } | { general: true };

export function aboutAnchor(comment: ReviewComment, anchor: Anchor): boolean {
  if ('field' in anchor) return comment.field === anchor.field;
  if ('quoteId' in anchor) return comment.quoteId === anchor.quoteId;
  return comment.field === null && comment.quoteId === null;
}

/** A comment box: Ctrl+Enter sends, Escape closes. What it holds is read when sent. */
export function CommentForm(props: { label: string; send: (body: string) => Promise<boolean>; onClose?: () => void; busy: boolean; id: string }) {
  const submit = async (form: HTMLFormElement) => {
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) return;
    if (await props.send(body)) {
      form.reset();
      props.onClose?.();
    }
  };
  return (
    <form
      class="rq-comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit(e.currentTarget);
      }}
    >
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        name="body"
        rows={3}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === 'Escape' && props.onClose) props.onClose();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
      />
      <div class="row">
        <button type="submit" class="small" disabled={props.busy}>
          {t('rq_comment_send')}
        </button>
        {props.onClose && (
          <button type="button" class="small" onClick={props.onClose}>
            {t('rq_cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function CommentItem({ comment, all, review, draftId }: { comment: ReviewComment; all: ReviewComment[]; review: ReviewDraftState; draftId: string }) {
  const [replying, setReplying] = useState(false);
  const replies = all.filter((reply) => reply.parentId === comment.id);
  const reply = (body: string) => review.act((client) => client.addComment(draftId, { body, parentId: comment.id }));
  return (
    <li class={`rq-comment${comment.resolved ? ' resolved' : ''}${comment.outdated ? ' outdated' : ''}`} data-comment={comment.id}>
      <p class="meta muted">
        <strong>{comment.authorName}</strong> · {when(comment.createdAt)}
        {comment.outdated && <span class="rq-tag"> · {t('rq_comment_outdated')}</span>}
        {comment.resolved && <span class="rq-tag"> · {t('rq_comment_resolved')}</span>}
      </p>
      {comment.outdated && comment.quotedText && (
        <p class="rq-was">
          <span class="muted">{t('rq_comment_was_about')}</span> <q><PageText text={comment.quotedText} /></q>
        </p>
      )}
      <p class="rq-body">
        <PageText text={comment.body} />
      </p>
      <div class="row">
        {comment.parentId === null && (
          <button type="button" class="small" onClick={() => setReplying(true)} aria-expanded={replying}>
            {t('rq_reply')}
          </button>
        )}
        {comment.parentId === null && (
          <button type="button" class="small" disabled={review.busy} onClick={() => void review.act((client) => client.resolveComment(draftId, comment.id, !comment.resolved))}>
            {comment.resolved ? t('rq_reopen') : t('rq_resolve')}
          </button>
        )}
      </div>
      {replying && <CommentForm id={`rq-reply-${comment.id}`} label={t('rq_reply_label')} send={reply} onClose={() => setReplying(false)} busy={review.busy} />}
      {replies.length > 0 && (
        <ul class="rq-replies">
          {replies.map((child) => (
            <CommentItem key={child.id} comment={child} all={all} review={review} draftId={draftId} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The threads about one anchor, and a button to start one. */
export function CommentThreads({ anchor, label, review, draftId }: { anchor: Anchor; label: string; review: ReviewDraftState; draftId: string }) {
  const [writing, setWriting] = useState(false);
  const roots = review.comments.filter((comment) => comment.parentId === null && aboutAnchor(comment, anchor));
  const key = 'field' in anchor ? anchor.field : 'quoteId' in anchor ? anchor.quoteId : 'general';
  const target: Omit<CommentRequest, 'body'> = 'general' in anchor ? {} : anchor;
  const send = (body: string) => review.act((client) => client.addComment(draftId, { body, ...target }));
  return (
    <div class="rq-threads">
      {roots.length > 0 && (
        <ul class="rq-comments" aria-label={t('rq_comments_on', label)}>
          {roots.map((comment) => (
            <CommentItem key={comment.id} comment={comment} all={review.comments} review={review} draftId={draftId} />
          ))}
        </ul>
      )}
      {writing ? (
        <CommentForm id={`rq-new-${key}`} label={t('rq_comment_on', label)} send={send} onClose={() => setWriting(false)} busy={review.busy} />
      ) : (
        <button type="button" class="small rq-add-comment" onClick={() => setWriting(true)} aria-label={t('rq_comment_on', label)}>
          {t('rq_comment_add')}
        </button>
      )}
    </div>
  );
}
