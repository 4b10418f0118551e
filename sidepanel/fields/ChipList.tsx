import { t } from '../../src/i18n/i18n.ts';

/** Chosen values as removable chips; each remove button names what it removes. */
export function ChipList({ values, label, onRemove }: { values: string[]; label: string; onRemove: (value: string) => void }) {
  if (values.length === 0) return null;
  return (
    <ul class="chips" aria-label={label}>
      {values.map((value) => (
        <li key={value} class="chip">
          <span>{value}</span>
          <button type="button" class="chip-remove" aria-label={t('chip_remove', value)} onClick={() => onRemove(value)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
