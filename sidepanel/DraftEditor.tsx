import { t, type MessageKey } from '../src/i18n/i18n.ts';
import { useDraftEditor } from '../src/ui/use-draft-editor.ts';
import { ListField } from './fields/ListField.tsx';
import { TextField } from './fields/TextField.tsx';
import { NotesField } from './NotesField.tsx';
import { SourcesEditor } from './SourcesEditor.tsx';
import { lazy } from '../src/ui/lazy.tsx';
import { useState } from 'preact/hooks';
import { FieldRefusals, type RefusalsByField } from '../src/ui/field-refusals.ts';
import { FINAL_STATES } from '../src/ui/final-states.ts';
import { FieldComments, type CommentsByField } from '../src/ui/field-comments.ts';

// The checklist needs the archive's schemas, the largest code of the page: the fields are drawn first,
// with the checklist's place held (a status line and nine checks) so that they do not move when it comes.
const readinessPlaceholder = (
  <section class="readiness" aria-hidden="true" style={{ visibility: 'hidden' }}>
    <p>&nbsp;</p>
    <ul class="checks">
      {Array.from({ length: 9 }, (_, index) => (
        <li key={index} class="check">
          &nbsp;
        </li>
      ))}
    </ul>
  </section>
);
const DraftReadiness = lazy(() => import('./Readiness.tsx').then((module) => module.DraftReadiness), { idle: true, fallback: readinessPlaceholder });

// Also off the first paint: the pickers wait for the taxonomy anyway, conflicts are rare, history and exports
// are collapsed until opened.
const TaxonomyFields = lazy(() => import('./TaxonomyFields.tsx').then((module) => module.TaxonomyFields), { idle: true, fallback: <p class="muted">{t('loading')}</p> });
const TaxonomyNotice = lazy(() => import('./TaxonomyFields.tsx').then((module) => module.TaxonomyNotice), { idle: true });
const ConflictPanel = lazy(() => import('./ConflictPanel.tsx').then((module) => module.ConflictPanel));
const HistoryPanel = lazy(() => import('./HistoryPanel.tsx').then((module) => module.HistoryPanel), { idle: true });
const RefusalPanel = lazy(() => import('./RefusalPanel.tsx').then((module) => module.RefusalPanel));
const DraftExports = lazy(() => import('./DraftExports.tsx').then((module) => module.DraftExports), { idle: true });
// The review (state, comments, known entries) reads the store and asks the archive: after the fields are drawn.
const ReviewPanel = lazy(() => import('../src/ui/ReviewPanel.tsx').then((module) => module.ReviewPanel), { idle: true });
const KnownEntries = lazy(() => import('../src/ui/KnownEntries.tsx').then((module) => module.KnownEntries), { idle: true });
const FieldCommentsFeed = lazy(() => import('./FieldCommentsFeed.tsx').then((module) => module.FieldCommentsFeed), { idle: true });

/** The whole entry; the taxonomy-driven pickers appear as soon as the (cached) taxonomy is read. */
export function DraftEditor({ draftId }: { draftId: string }) {
  const editor = useDraftEditor(draftId);
  const { stored, draft } = editor;
  const [refusals, setRefusals] = useState<RefusalsByField>({});
  const [comments, setComments] = useState<CommentsByField>({});
  if (!stored) return <p class="muted">{t('loading')}</p>;
  if (!draft) return <p class="notice error">{t('draft_missing')}</p>;
  return (
    <form
      class="editor"
      aria-label={t('editor_form')}
      onSubmit={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key === 's') {
          e.preventDefault();
          void editor.flush();
        }
      }}
    >
      <div class="toolbar row">
        <span class={`save-state grow ${editor.saveState === 'error' ? 'error' : 'muted'}`} role="status" data-testid="save-state">
          {editor.error ?? t(`save_${editor.saveState}` as MessageKey)}
        </span>
        <button type="button" onClick={editor.undo} disabled={!editor.canUndo}>
          {t('action_undo')}
        </button>
      </div>
      {stored.conflicts.length > 0 && <ConflictPanel conflicts={stored.conflicts} draft={stored.draft} />}
      {draft.submission?.state === 'failed' && <RefusalPanel draft={draft} onPlaced={setRefusals} />}
      <FieldRefusals.Provider value={draft.submission?.state === 'failed' ? refusals : {}}>
      <FieldComments.Provider value={comments}>
      <FieldCommentsFeed draft={draft} onComments={setComments} />
      <ReviewPanel draft={draft} />
      <KnownEntries draft={draft} />
      <DraftReadiness draft={draft} />
      <TaxonomyNotice />
      {/* Published and rejected are final: the fields show what the archive holds, and take no edits. */}
      <fieldset class="plain" disabled={FINAL_STATES.has(draft.reviewState)}>
      <TextField editor={editor} path="title" label={t('field_title')} />
      <TextField editor={editor} path="summary" label={t('field_summary')} multiline rows={4} />
      <div class="two">
        <TextField editor={editor} path="announcementDate" label={t('field_announcement_date')} type="date" />
        <TextField editor={editor} path="incidentDate" label={t('field_incident_date')} type="date" />
      </div>
      <TaxonomyFields editor={editor} />
      <TextField editor={editor} path="rationale" label={t('field_rationale')} hint={t('rationale_hint')} multiline rows={4} />
      <TextField editor={editor} path="counterfactual" label={t('field_counterfactual')} hint={t('counterfactual_hint')} multiline rows={3} />
      <SourcesEditor editor={editor} draft={draft} />
      <NotesField editor={editor} />
      <ListField editor={editor} path="tags" label={t('field_tags')} addLabel={t('tags_add')} />
      <ListField editor={editor} path="deployers" label={t('field_deployers')} addLabel={t('deployers_add')} hint={t('aiid_fields_hint')} />
      <ListField editor={editor} path="harmedParties" label={t('field_harmed_parties')} addLabel={t('harmed_parties_add')} hint={t('aiid_fields_hint')} />
      </fieldset>
      <HistoryPanel draftId={draftId} />
      <DraftExports draft={draft} />
      </FieldComments.Provider>
      </FieldRefusals.Provider>
    </form>
  );
}
