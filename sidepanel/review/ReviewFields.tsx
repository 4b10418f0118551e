import { ANCHOR_FIELDS, type AnchorField, type ReviewDraft } from '../../src/core/review-contract.ts';
import { changesSince, fieldText, quoteText, type Change } from '../../src/core/review-diff.ts';
import type { SyncRow } from '../../src/core/sync/state.ts';
import { t } from '../../src/i18n/i18n.ts';
import { fieldLabel } from '../../src/ui/field-label.ts';
import { PageText } from '../../src/ui/PageText.tsx';
import type { ReviewDraftState } from '../../src/ui/review/use-review-draft.ts';
import { CommentThreads } from './CommentThreads.tsx';
import { FieldDiff } from './FieldDiff.tsx';
import { QuoteEvidence } from './QuoteEvidence.tsx';

function Changed({ change }: { change: Change | undefined }) {
  if (!change) return null;
  return (
    <div class="rq-changed">
      <p class="meta rq-changed-label">{t('rq_changed_since')}</p>
      <FieldDiff parts={change.parts} />
    </div>
  );
}

/** Each field with what changed since the last review and the comments about it, beside it. */
export function ReviewFields({ read, review }: { read: ReviewDraft; review: ReviewDraftState }) {
  const changes = read.lastReview ? changesSince(read.lastReview.draft, read.draft) : [];
  const changeOf = (key: string) => changes.find((change) => change.key === key);
  const shown = ANCHOR_FIELDS.filter((field) => fieldText(read.draft, field) || changeOf(field) || review.comments.some((c) => c.field === field));
  return (
    <>
      {shown.map((field: AnchorField) => {
        const label = fieldLabel(field, undefined);
        const value = fieldText(read.draft, field);
        return (
          <section key={field} class="rq-field" data-field={field} aria-labelledby={`rq-field-${field}`}>
            <h3 id={`rq-field-${field}`}>{label}</h3>
            <div class="rq-beside">
              <div class="rq-value">
                {value ? <p class="rq-text"><PageText text={value} /></p> : <p class="muted">{t('rq_empty')}</p>}
                <Changed change={changeOf(field)} />
              </div>
              <CommentThreads anchor={{ field }} label={label} review={review} draftId={read.status.draftId} />
            </div>
          </section>
        );
      })}
      <ReviewSources read={read} review={review} changes={changes} />
    </>
  );
}

const value = (row: SyncRow, key: string) => {
  const v = row.fields[key]?.v;
  return typeof v === 'string' ? v : '';
};

/** The sources with their quotes; a quote removed since the last review is listed after them with what it said. */
function ReviewSources({ read, review, changes }: { read: ReviewDraft; review: ReviewDraftState; changes: Change[] }) {
  const changeOf = (key: string) => changes.find((change) => change.key === key);
  const sources = Object.values(read.draft.sources).filter((row) => !row.deleted);
  const quotes = Object.values(read.draft.quotes).filter((row) => !row.deleted);
  const removed = changes.filter((change) => change.key.startsWith('quote:') && !change.after);
  return (
    <section class="rq-sources" aria-labelledby="rq-sources-heading">
      <h3 id="rq-sources-heading">{t('rq_sources_heading', sources.length)}</h3>
      {sources.map((source, index) => {
        const url = value(source, 'url');
        return (
          <article key={source.id} class="source" data-source={source.id}>
            <h4>
              {t('rq_source_n', index + 1)}{' '}
              <a href={url} target="_blank" rel="noreferrer noopener">
                <PageText text={value(source, 'title') || url} />
              </a>
            </h4>
            <p class="meta muted">
              <PageText text={[value(source, 'publisher'), url].filter(Boolean).join(' · ')} />
            </p>
            <Changed change={changeOf(`source:${source.id}`)} />
            {quotes
              .filter((quote) => value(quote, 'sourceId') === source.id)
              .map((quote) => {
                const label = t('rq_quote_label', index + 1);
                return (
                  <div key={quote.id} class="rq-beside rq-quote" data-quote={quote.id}>
                    <div class="rq-value">
                      <blockquote>
                        <PageText text={quoteText(quote)} />
                      </blockquote>
                      {value(quote, 'note') && <p class="meta muted"><PageText text={value(quote, 'note')} /></p>}
                      <QuoteEvidence evidence={read.evidence.find((e) => e.quoteId === quote.id)} />
                      <Changed change={changeOf(`quote:${quote.id}`)} />
                    </div>
                    <CommentThreads anchor={{ quoteId: quote.id }} label={label} review={review} draftId={read.status.draftId} />
                  </div>
                );
              })}
          </article>
        );
      })}
      {removed.map((change) => (
        <div key={change.key} class="rq-quote rq-removed-quote">
          <p class="meta">{t('rq_quote_removed')}</p>
          <FieldDiff parts={change.parts} />
        </div>
      ))}
    </section>
  );
}

