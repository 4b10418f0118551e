import { useEffect, useState } from 'preact/hooks';
import type { QueuePage } from '../../src/core/review-contract.ts';
import { formatNumber, t } from '../../src/i18n/i18n.ts';
import { PageText } from '../../src/ui/PageText.tsx';
import { reviewFailure } from '../../src/ui/review/failure-words.ts';
import type { ReviewSession } from '../../src/ui/review/review-session.ts';
import { claimLine, stateLabel, when } from '../../src/ui/review/review-words.ts';
import { QueueFilterForm } from './QueueFilterForm.tsx';
import { DEFAULT_FORM, PAGE_SIZE, QUEUE_STATES, toFilters, type QueueForm } from './queue-filters.ts';

type Ready = Extract<ReviewSession, { status: 'ready' }>;

/** The reviewer's queue: filters, counts per state, who holds each claim, oldest first, a page at a time. */
export function ReviewQueue({ session, onOpen }: { session: Ready; onOpen: (draftId: string) => void }) {
  const [form, setForm] = useState<QueueForm>(DEFAULT_FORM);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<QueuePage>();
  const [error, setError] = useState<string>();
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    void session.client.queue(toFilters(form, offset)).then((result) => {
      if (!live) return;
      setError(result.ok ? undefined : reviewFailure(result.failure));
      if (result.ok) setPage(result.value);
    });
    return () => {
      live = false;
    };
  }, [form, offset, loads, session]);
  const change = (patch: Partial<QueueForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setOffset(0);
  };
  const items = page?.items ?? [];
  return (
    <section class="review-queue" aria-labelledby="rq-heading">
      <div class="row">
        <h2 id="rq-heading" class="grow">{t('rq_queue_heading')}</h2>
        <button type="button" class="small" onClick={() => setLoads((n) => n + 1)}>
          {t('rq_refresh')}
        </button>
      </div>
      {page && (
        <ul class="rq-counts" aria-label={t('rq_counts_label')}>
          {QUEUE_STATES.map((state) => (
            <li key={state} data-state={state}>
              <span class="muted">{stateLabel(state)}</span> <strong>{formatNumber(page.counts[state] ?? 0)}</strong>
            </li>
          ))}
        </ul>
      )}
      <QueueFilterForm form={form} onChange={change} />
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {page && (
        <p class="muted" role="status">
          {page.total === 0 ? t('rq_none_match') : t('rq_showing', offset + 1, offset + items.length, page.total)}
        </p>
      )}
      <ul class="list rq-items" aria-label={t('rq_items_label')}>
        {items.map((item) => (
          <li key={item.draftId}>
            <button type="button" class="item" onClick={() => onOpen(item.draftId)}>
              <span class="draft-title block">{item.title ? <PageText text={item.title} /> : t('untitled')}</span>
              <span class={`meta block rq-state rq-state-${item.state}`}>
                {stateLabel(item.state)}
                {item.submittedAt && ` · ${t('rq_submitted_at', when(item.submittedAt))}`}
              </span>
              <span class="meta muted block rq-claim">
                {claimLine(item.claim, session.user.id)}
                {item.openComments > 0 && ` · ${t('rq_open_comments', item.openComments)}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {page && page.total > PAGE_SIZE && (
        <nav class="row rq-paging" aria-label={t('rq_paging_label')}>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('rq_page_previous')}
          </button>
          <button type="button" disabled={page.nextOffset === null} onClick={() => page.nextOffset !== null && setOffset(page.nextOffset)}>
            {t('rq_page_next')}
          </button>
        </nav>
      )}
    </section>
  );
}
