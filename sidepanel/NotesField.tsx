import { Markdown } from '../src/ui/Markdown.tsx';
import { t } from '../src/ui/i18n.ts';
import type { DraftEditor } from '../src/ui/use-draft-editor.ts';
import { TextField } from './fields/TextField.tsx';

/** Editor notes in Markdown, with a preview rendered as elements and text. */
export function NotesField({ editor }: { editor: DraftEditor }) {
  const notes = String(editor.value('notes') ?? '');
  return (
    <div class="notes">
      <TextField editor={editor} path="notes" label={t('field_notes')} hint={t('notes_hint')} multiline rows={5} />
      {notes.trim() !== '' && <Markdown source={notes} label={t('notes_preview')} />}
    </div>
  );
}
