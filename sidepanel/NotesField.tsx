import { t } from '../src/i18n/i18n.ts';
import type { DraftEditor } from '../src/ui/use-draft-editor.ts';
import { TextField } from './fields/TextField.tsx';
import { lazy } from '../src/ui/lazy.tsx';

// The Markdown parser and renderer load after the fields are on screen.
const Markdown = lazy(() => import('../src/ui/Markdown.tsx').then((module) => module.Markdown), { idle: true });

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
