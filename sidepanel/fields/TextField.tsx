import type { FieldPath } from '../../src/workspace/field-paths.ts';
import { t } from '../../src/i18n/i18n.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';
import { useContext } from 'preact/hooks';
import { FieldRefusals } from '../../src/ui/field-refusals.ts';
import { FieldComments } from '../../src/ui/field-comments.ts';
import { PageText } from '../../src/ui/PageText.tsx';
import { BidiWarning, hasBidiControls } from '../../src/ui/PageText.tsx';

/** One labelled text input or textarea bound to a field path. */
export function TextField({
  editor,
  path,
  label,
  hint,
  multiline = false,
  type = 'text',
  rows = 3,
}: {
  editor: DraftEditor;
  path: FieldPath;
  label: string;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'date' | 'url';
  rows?: number;
}) {
  const id = `field-${path.replace(/[^A-Za-z0-9-]/g, '-')}`;
  const value = String(editor.value(path) ?? '');
  const problem = editor.invalid[path];
  const refused = useContext(FieldRefusals)[path];
  const comments = useContext(FieldComments)[path] ?? [];
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : '', refused ? `${id}-refused` : '', comments.length > 0 ? `${id}-comments` : '', hasBidiControls(value) ? `${id}-bidi` : '']
    .filter(Boolean)
    .join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint muted">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={id} dir="auto" rows={rows} value={value} aria-invalid={refused ? 'true' : undefined} aria-describedby={describedBy} onInput={(e) => editor.set(path, e.currentTarget.value)} />
      ) : (
        <input id={id} dir="auto" type={type as 'text'} value={value} aria-invalid={problem || refused ? 'true' : undefined} aria-describedby={describedBy} onInput={(e) => editor.set(path, e.currentTarget.value)} />
      )}
      {problem && (
        <p id={`${id}-problem`} class="error hint" role="alert">
          {t('field_not_saved', problem)}
        </p>
      )}
      <BidiWarning text={value} id={`${id}-bidi`} />
      {refused && (
        <p id={`${id}-refused`} class="error hint" data-testid="field-refused">
          {t('submission_refused_field', refused)}
        </p>
      )}
      {comments.length > 0 && (
        <ul id={`${id}-comments`} class="hint field-comments" data-testid="field-comments" aria-label={t('re_field_comments')}>
          {comments.map((comment) => (
            <li key={comment}>
              <PageText text={comment} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
