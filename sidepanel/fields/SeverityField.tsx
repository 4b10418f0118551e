import type { Taxonomy } from '../../src/core/contract.ts';
import { t } from '../../src/i18n/i18n.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';

/** SEV-1…SEV-4 as a radio group (arrow keys move), each with the archive's definition. */
export function SeverityField({ editor, severities }: { editor: DraftEditor; severities: Taxonomy['severities'] }) {
  const current = editor.value('severity');
  return (
    <fieldset class="field severities">
      <legend>{t('field_severity')}</legend>
      {severities.map((level) => (
        <label key={level.level} class="choice">
          <input type="radio" name="severity" value={level.level} checked={current === level.level} aria-describedby={`sev-${level.level}`} onChange={() => editor.set('severity', level.level)} />
          <span>
            <strong>
              {level.level} · {level.label}
            </strong>
            <span id={`sev-${level.level}`} class="definition muted">
              {level.definition}
            </span>
          </span>
        </label>
      ))}
      {current !== undefined && (
        <button type="button" class="small" onClick={() => editor.set('severity', undefined)}>
          {t('severity_clear')}
        </button>
      )}
    </fieldset>
  );
}
