import { t, type MessageKey } from '../src/ui/i18n.ts';
import { ReadinessList } from '../src/ui/ReadinessList.tsx';
import { useDraftEditor } from '../src/ui/use-draft-editor.ts';
import type { EditorTaxonomy } from '../src/workspace/taxonomy.ts';
import { readiness } from '../src/workspace/readiness.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { CodePicker } from './fields/CodePicker.tsx';
import { ListField } from './fields/ListField.tsx';
import { ProvidersField } from './fields/ProvidersField.tsx';
import { SeverityField } from './fields/SeverityField.tsx';
import { TextField } from './fields/TextField.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { NotesField } from './NotesField.tsx';
import { SourcesEditor } from './SourcesEditor.tsx';
import { DraftExports } from './DraftExports.tsx';

/** The whole entry; the taxonomy-driven pickers appear as soon as the (cached) taxonomy is read. */
export function DraftEditor({ draftId, taxonomy }: { draftId: string; taxonomy: EditorTaxonomy | undefined }) {
  const editor = useDraftEditor(draftId);
  const { stored, draft } = editor;
  if (!stored) return <p class="muted">{t('loading')}</p>;
  if (!draft) return <p class="notice error">{t('draft_missing')}</p>;
  const check = readiness(draft, stored.clips);
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
      <ConflictPanel conflicts={stored.conflicts} draft={stored.draft} />
      <ReadinessList readiness={check} />
      {taxonomy?.origin === 'built-in' && (
        <p class="notice" role="note">
          {t('taxonomy_builtin')}
        </p>
      )}
      <TextField editor={editor} path="title" label={t('field_title')} />
      <TextField editor={editor} path="summary" label={t('field_summary')} multiline rows={4} />
      <div class="two">
        <TextField editor={editor} path="announcementDate" label={t('field_announcement_date')} type="date" />
        <TextField editor={editor} path="incidentDate" label={t('field_incident_date')} type="date" />
      </div>
      {taxonomy ? (
        <>
          <SeverityField editor={editor} severities={taxonomy.taxonomy.severities} />
          <ProvidersField editor={editor} providers={taxonomy.taxonomy.providers} />
          <CodePicker editor={editor} codes={taxonomy.taxonomy.codes} />
        </>
      ) : (
        <p class="muted">{t('loading')}</p>
      )}
      <TextField editor={editor} path="rationale" label={t('field_rationale')} hint={t('rationale_hint')} multiline rows={4} />
      <TextField editor={editor} path="counterfactual" label={t('field_counterfactual')} hint={t('counterfactual_hint')} multiline rows={3} />
      <SourcesEditor editor={editor} draft={draft} clips={stored.clips} />
      <NotesField editor={editor} />
      <ListField editor={editor} path="tags" label={t('field_tags')} addLabel={t('tags_add')} />
      <HistoryPanel draftId={draftId} />
      <DraftExports draft={draft} clips={stored.clips} />
    </form>
  );
}
