import { useEffect, useState } from 'preact/hooks';
import type { FieldPath } from '../../src/workspace/field-paths.ts';
import type { DraftEditor } from '../../src/ui/use-draft-editor.ts';

const split = (text: string) => text.split(',').map((name) => name.trim()).filter(Boolean);

/** A comma-separated list of names (authors) typed as text, stored as an array. */
export function NamesField({ editor, path, label, hint }: { editor: DraftEditor; path: FieldPath; label: string; hint: string }) {
  const stored = (editor.value(path) as string[] | undefined) ?? [];
  const [text, setText] = useState(stored.join(', '));
  const [focused, setFocused] = useState(false);
  const joined = stored.join(', ');
  useEffect(() => {
    if (!focused && split(text).join(', ') !== joined) setText(joined);
  }, [joined, focused]);
  const id = `field-${path.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        value={text}
        aria-describedby={`${id}-hint`}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onInput={(e) => {
          setText(e.currentTarget.value);
          editor.set(path, split(e.currentTarget.value));
        }}
      />
      <p id={`${id}-hint`} class="hint muted">
        {hint}
      </p>
    </div>
  );
}
