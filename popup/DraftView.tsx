import { useState } from 'preact/hooks';
import type { Clip, Draft } from '../src/core/draft.ts';
import { clipsOfDraft, updateDraftFields } from '../src/store/drafts.ts';
import { db } from '../src/store/db.ts';
import { loadActiveDraftId, saveActiveDraftId } from '../src/store/preferences.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { send } from '../src/ui/send.ts';

function SubmissionState({ draft }: { draft: Draft }) {
  const submission = draft.submission;
  if (!submission) return null;
  if (submission.state === 'accepted') {
    const review =
      submission.archiveStatus === 'accepted'
        ? `accepted as ${submission.archiveId ?? submission.submissionId}`
        : submission.archiveStatus === 'rejected'
          ? 'rejected by a reviewer'
          : 'awaiting review';
    return (
      <p class="notice ok" role="status">
        Submitted to the archive as <strong data-testid="archive-id">{submission.submissionId}</strong> ({review}).
      </p>
    );
  }
  const waiting = submission.state === 'queued' || submission.state === 'sending';
  return (
    <p class={`notice ${submission.error ? 'error' : ''}`} role={submission.error ? 'alert' : 'status'}>
      {waiting ? 'Waiting to be sent. ' : ''}
      {submission.error}
    </p>
  );
}

function Sources({ draft, clips }: { draft: Draft; clips: Clip[] }) {
  return (
    <>
      {draft.sources.map((source) => (
        <section key={source.id} aria-label={`Source ${source.title || source.url}`}>
          <div class="draft-title">{source.title || source.url}</div>
          <div class="meta muted truncate">{[source.publisher, source.publishedDate, source.url].filter(Boolean).join(' · ')}</div>
          {clips
            .filter((clip) => clip.sourceId === source.id)
            .map((clip) => (
              <blockquote key={clip.id}>{clip.quote}</blockquote>
            ))}
        </section>
      ))}
    </>
  );
}

export function DraftView({ draftId, onBack }: { draftId: string; onBack: () => void }) {
  const data = useLiveQuery(async () => {
    const [draft, clips, activeId] = await Promise.all([db().drafts.get(draftId), clipsOfDraft(draftId), loadActiveDraftId()]);
    return { draft, clips, collecting: activeId === draftId };
  }, [draftId]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!data) return <p class="muted">Opening…</p>;
  const { draft, clips, collecting } = data;
  if (!draft) return <p class="error">This draft no longer exists.</p>;

  async function submit() {
    setBusy(true);
    setError(null);
    const reply = await send('draft.submit', { draftId });
    setBusy(false);
    if (!reply.ok) setError(reply.error);
  }

  const locked = draft.submission?.state === 'accepted';
  return (
    <article aria-label="Draft">
      <button type="button" onClick={onBack}>
        ← All drafts
      </button>
      <label for="draft-title">Title</label>
      <input
        id="draft-title"
        value={draft.title}
        disabled={locked}
        onChange={(event) => void updateDraftFields(draftId, { title: event.currentTarget.value })}
      />
      <label class="row">
        <input
          type="checkbox"
          style={{ width: 'auto' }}
          checked={collecting}
          onChange={(event) => void saveActiveDraftId(event.currentTarget.checked ? draftId : undefined)}
        />
        <span>Add new clips from the menu and shortcut to this draft</span>
      </label>
      <h2>
        Quotes ({clips.length}) from {draft.sources.length} source{draft.sources.length === 1 ? '' : 's'}
      </h2>
      <Sources draft={draft} clips={clips} />
      <SubmissionState draft={draft} />
      {error && (
        <p class="notice error" role="alert">
          {error}
        </p>
      )}
      {!locked && (
        <button type="button" class="primary" disabled={busy} onClick={() => void submit()}>
          {busy ? 'Submitting…' : 'Submit to the archive'}
        </button>
      )}
    </article>
  );
}
