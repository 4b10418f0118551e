import { useState } from 'preact/hooks';
import { t } from '../../src/i18n/i18n.ts';

/** A text box that adds its value with Enter or its button; suggestions come from a datalist. */
export function FreeEntry({
  id,
  label,
  suggestions = [],
  describedBy,
  onAdd,
}: {
  id: string;
  label: string;
  suggestions?: string[];
  /** The id of a hint that describes the field. */
  describedBy?: string;
  onAdd: (value: string) => void;
}) {
  const [text, setText] = useState('');
  const add = () => {
    const value = text.trim();
    if (value) onAdd(value);
    setText('');
  };
  return (
    <div class="row free-entry">
      <label class="sr-only" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="grow"
        placeholder={label}
        list={suggestions.length > 0 ? `${id}-list` : undefined}
        aria-describedby={describedBy}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      {suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button type="button" onClick={add}>
        {t('action_add')}
      </button>
    </div>
  );
}
