import { useRef, useState } from 'preact/hooks';
import type { Draft } from '../src/core/draft.ts';
import { saveFieldEdits } from '../src/store/editing.ts';
import { readOpenedDraft } from '../src/store/draft-read.ts';
import { db } from '../src/store/db.ts';
import { loadActiveDraftId, saveActiveDraftId } from '../src/store/preferences.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { send } from '../src/ui/send.ts';
import { t, tStored } from '../src/i18n/i18n.ts';
import { openEditor } from '../src/ui/open-editor.ts';
import { ReadinessList } from '../src/ui/ReadinessList.tsx';
import { readiness } from '../src/workspace/readiness.ts';
import { useTaxonomy } from '../src/ui/use-taxonomy.ts';
import { KnownEntries } from '../src/ui/KnownEntries.tsx';
import { FINAL_STATES } from '../src/ui/final-states.ts';
import { ReviewPanel } from '../src/ui/ReviewPanel.tsx';
import { inReview } from '../src/ui/use-review.ts';
import { BidiWarning, hasBidiControls, PageText } from '../src/ui/PageText.tsx';
import { QuoteText } from '../src/ui/QuoteText.tsx';
import { RefusalList, useRefusals } from '../src/ui/Refusal.tsx';

const isWaiting = (draft: Draft) => draft.submission?.state === 'queued' || draft.submission?.state === 'sending';

function SubmissionState({ draft }: { draft: Draft }) {
  const refusals = useRefusals(draft.submission?.state === 'failed' ? draft : undefined);
  const submission = draft.submission;
  if (!submission) return null;
  if (submission.state === 'accepted') {
    // Where its review stands is the review panel's to say: the archive's answer to the submission is only its first step.
    return (
      <p class="notice ok" role="status">
        {t('submission_sent_before')}<strong data-testid="archive-id">{submission.submissionId}</strong>.
      </p>
    );
  }
  if (isWaiting(draft)) {
    return (
      <p class={`notice ${submission.errorMessage ? 'error' : ''}`} role={submission.errorMessage ? 'alert' : 'status'} data-testid="submission-state" data-state="waiting">
        {t('submission_waiting')} {tStored(submission.errorMessage) || t('submission_waiting_explain')}
      </p>
    );
  }
  return (
    <div class="notice error" role="alert" data-testid="submission-state" data-state="refused">
      <p>{tStored(submission.errorMessage)}</p>
      {refusals.length > 0 && (
        <>
          <p>{t('submission_refused_fields')}</p>
          <RefusalList refusals={refusals} draft={draft} />
        </>
      )}
    </div>
  );
}

function Sources({ draft }: { draft: Draft }) {
  return (
    <>
      {draft.sources.map((source) => (
        <section key={source.id} aria-label={t('popup_source_label', source.title || source.url)}>
          <PageText class="draft-title block" text={source.title || source.url} />
          <div class="meta muted truncate">
            {[source.publisher, source.publishedDate, source.url].filter(Boolean).map((part, index) => (
              <>
                {index > 0 && ' · '}
                <PageText text={part!} />
              </>
            ))}
          </div>
          {draft.clips
            .filter((clip) => clip.sourceId === source.id)
            .map((clip) => (
              <QuoteText key={clip.id} quote={clip.quote} />
            ))}
        </section>
      ))}
    </>
  );
}

/**
 * The title, editable in place. Uncontrolled (defaultValue), so a live update of the draft does not reset
 * what is being typed; saved against the title shown when typing began, so a change made meanwhile in the
 * editor becomes a conflict, not a loss.
 */
function TitleInput({ draftId, title, disabled }: { draftId: string; title: string; disabled: boolean }) {
  const base = useRef<string | undefined>(undefined);
  return (
    <>
      <label for="draft-title">{t('field_title')}</label>
      <input
        id="draft-title"
        aria-describedby={hasBidiControls(title) ? 'draft-title-bidi' : undefined}
        dir="auto"
        defaultValue={title}
        disabled={disabled}
        onFocus={() => (base.current = title)}
        onChange={(event) => {
          void saveFieldEdits(draftId, [{ path: 'title', base: base.current ?? title, value: event.currentTarget.value }]);
          base.current = event.currentTarget.value;
        }}
      />
      <BidiWarning text={title} id="draft-title-bidi" />
    </>
  );
}

export function DraftView({ draftId, tabId, onBack }: { draftId: string; tabId?: number; onBack: () => void }) {
  const data = useLiveQuery(async () => {
    const [{ draft, clips, conflicts }, activeId] = await Promise.all([readOpenedDraft(db(), draftId), loadActiveDraftId()]);
    return { draft, clips, collecting: activeId === draftId, conflicts: conflicts.length };
  }, [draftId]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const required = useTaxonomy()?.taxonomy.requiredToSubmit;

  if (!data) return <p class="muted">{t('loading')}</p>;
  const { draft, clips, collecting, conflicts } = data;
  if (!draft) return <p class="error">{t('draft_missing')}</p>;

  async function submit() {
    setBusy(true);
    setError(null);
    const reply = await send('draft.submit', { draftId });
    setBusy(false);
    if (!reply.ok) setError(reply.error);
  }

  // Published and rejected drafts are final (the archive refuses or ignores edits); any other one stays editable.
  const locked = FINAL_STATES.has(draft.reviewState);
  // Sent once: later moves (resubmit, withdraw) are the review panel's.
  const sent = inReview(draft);
  const resubmittable = draft.reviewState === 'changes_requested' || draft.reviewState === 'withdrawn';
  // Queued: it leaves by itself, so there is no button that would do nothing.
  const waiting = isWaiting(draft);
  const refused = draft.submission?.state === 'failed';
  const ready = readiness(draft, required);
  return (
    <article aria-label={t('popup_draft_label')}>
      <div class="row">
        <button type="button" onClick={onBack}>
          {t('popup_back')}
        </button>
        <span class="grow" />
        <button type="button" onClick={() => void openEditor(draftId, tabId)}>
          {t('popup_open_editor')}
        </button>
      </div>
      <TitleInput draftId={draftId} title={draft.title} disabled={locked} />
      <label class="row">
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={collecting}
          onChange={(event) => void saveActiveDraftId(event.currentTarget.checked ? draftId : undefined)}
        />
        <span>{t('popup_collect_here')}</span>
      </label>
      <KnownEntries draft={draft} />
      <h2>
        {t(draft.sources.length === 1 ? 'popup_quotes_one_source' : 'popup_quotes_sources', clips.length, draft.sources.length)}
      </h2>
      {conflicts > 0 && (
        <p class="notice error" role="alert">
          {t(conflicts === 1 ? 'popup_conflicts_one' : 'popup_conflicts', conflicts)}
        </p>
      )}
      <Sources draft={draft} />
      {((!sent && !waiting) || resubmittable) && <ReadinessList readiness={ready} compact />}
      <SubmissionState draft={draft} />
      <ReviewPanel draft={draft} />
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {!sent && !waiting && (
        <button type="button" class="primary" disabled={busy || !ready.ready} onClick={() => void submit()}>
          {busy ? t('popup_submitting') : refused ? t('popup_submit_again') : t('popup_submit')}
        </button>
      )}
    </article>
  );
}
