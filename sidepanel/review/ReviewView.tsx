import type { ReviewDraft } from '../../src/core/review-contract.ts';
import { changesSince } from '../../src/core/review-diff.ts';
import { t } from '../../src/i18n/i18n.ts';
import { PageText } from '../../src/ui/PageText.tsx';
import type { ReviewSession } from '../../src/ui/review/review-session.ts';
import { claimLine, stateLabel, when } from '../../src/ui/review/review-words.ts';
import { useReviewDraft } from '../../src/ui/review/use-review-draft.ts';
import { CommentThreads } from './CommentThreads.tsx';
import { DecisionBar } from './DecisionBar.tsx';
import { ReviewFields } from './ReviewFields.tsx';

type Ready = Extract<ReviewSession, { status: 'ready' }>;

/** Since when the diffs beside the fields count, and how many fields changed. */
function SinceLastReview({ read }: { read: ReviewDraft }) {
  if (!read.lastReview) return <p class="meta muted rq-since">{t('rq_never_reviewed')}</p>;
  const { event } = read.lastReview;
  const changed = changesSince(read.lastReview.draft, read.draft).length;
  return (
    <p class="notice rq-since">
      {t('rq_last_review', stateLabel(event.to), when(event.at))} {changed === 0 ? t('rq_nothing_changed') : t('rq_changed_count', changed)}
    </p>
  );
}

/** A draft under review: its state and claim, the decisions, each field with its comments, the sources. */
export function ReviewView({ session, draftId }: { session: Ready; draftId: string }) {
  const review = useReviewDraft(session.client, draftId);
  const { read } = review;
  return (
    <article class="review-view" aria-labelledby="rq-title" aria-busy={review.busy}>
      {review.error && (
        <p class="notice error" role="alert">
          {review.error}
        </p>
      )}
      {!read ? (
        !review.error && <p class="muted">{t('rq_loading')}</p>
      ) : (
        <>
          <h2 id="rq-title" class="rq-title">
            {read.draft.fields.title.v ? <PageText text={String(read.draft.fields.title.v)} /> : t('untitled')}
          </h2>
          <p class="meta" role="status">
            <strong class={`rq-state rq-state-${read.status.state}`}>{stateLabel(read.status.state)}</strong>
            {' · '}
            {claimLine(read.status.claim, session.user.id)}
            {' · '}
            {t('rq_revision', read.status.revision)}
            {read.status.publishedId && (
              <>
                {' · '}
                <strong class="rq-published">{t('rq_published_as', read.status.publishedId)}</strong>
              </>
            )}
          </p>
          <DecisionBar read={read} review={review} myId={session.user.id} />
          <SinceLastReview read={read} />
          <ReviewFields read={read} review={review} />
          <section class="rq-field" aria-labelledby="rq-general-heading">
            <h3 id="rq-general-heading">{t('rq_general_comments')}</h3>
            <CommentThreads anchor={{ general: true }} label={t('rq_whole_draft')} review={review} draftId={draftId} />
          </section>
          <details class="rq-history">
            <summary>{t('rq_history', read.events.length)}</summary>
            <ol>
              {read.events.map((event, index) => (
                <li key={index}>
                  {when(event.at)}: {stateLabel(event.from)} → {stateLabel(event.to)}
                  {event.reason && (
                    <>
                      {' — '}
                      <PageText text={event.reason} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          </details>
        </>
      )}
    </article>
  );
}
