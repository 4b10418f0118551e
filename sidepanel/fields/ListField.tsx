import type { ComponentChildren } from 'preact';
import type { DraftField } from '../../src/workspace/field-paths.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';
import { ChipList } from './ChipList.tsx';
import { FreeEntry } from './FreeEntry.tsx';

/** A list of strings (providers, tags, deployers, harmed parties): chips to remove, free entry to add. */
export function ListField({
  editor,
  path,
  label,
  addLabel,
  hint,
  suggestions,
  children,
}: {
  editor: DraftEditor;
  path: Extract<DraftField, 'providers' | 'tags' | 'codes' | 'deployers' | 'harmedParties'>;
  label: string;
  addLabel: string;
  /** One line under the legend, also read with the entry box. */
  hint?: string;
  suggestions?: string[];
  children?: ComponentChildren;
}) {
  const values = (editor.value(path) as string[] | undefined) ?? [];
  const hintId = hint ? `${path}-hint` : undefined;
  return (
    <fieldset class="field">
      <legend>{label}</legend>
      {hint && (
        <p id={hintId} class="hint muted">
          {hint}
        </p>
      )}
      <ChipList values={values} label={label} onRemove={(value) => editor.set(path, values.filter((v) => v !== value))} />
      {children}
      <FreeEntry id={`add-${path}`} label={addLabel} suggestions={suggestions} describedBy={hintId} onAdd={(value) => !values.includes(value) && editor.set(path, [...values, value])} />
    </fieldset>
  );
}
