import type { ConflictRow } from '../src/store/db.ts';
import { resolveConflict } from '../src/store/editing.ts';
import { t } from '../src/i18n/i18n.ts';
import type { Draft } from '../src/core/draft.ts';
import { PageText } from '../src/ui/PageText.tsx';
import { fieldLabel } from '../src/ui/field-label.ts';

const shown = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value === undefined || value === '' ? t('conflict_empty') : String(value));

/** Fields that two editors changed at once: both values, and a choice. */
export function ConflictPanel({ conflicts, draft }: { conflicts: ConflictRow[]; draft: Draft | undefined }) {
  if (conflicts.length === 0) return null;
  return (
    <section class="notice error conflicts" aria-label={t('conflicts_title')}>
      <h2>{t('conflicts_title')}</h2>
      <p role="alert">{t('conflicts_explain')}</p>
      {conflicts.map((conflict) => (
        <div key={conflict.id} class="conflict">
          <p>{t('conflict_field', fieldLabel(conflict.field, draft))}</p>
          <p>
            <strong>{t(conflict.otherDevice ? 'conflict_other_device' : 'conflict_mine')}</strong> <PageText class="value" text={shown(conflict.mine)} />
          </p>
          <p>
            <strong>{t('conflict_theirs')}</strong> <PageText class="value" text={shown(conflict.theirs)} />
          </p>
          <div class="row">
            <button type="button" onClick={() => void resolveConflict(conflict.id!, 'mine')}>
              {t(conflict.otherDevice ? 'conflict_use_other_device' : 'conflict_keep_mine')}
            </button>
            <button type="button" onClick={() => void resolveConflict(conflict.id!, 'theirs')}>
              {t('conflict_keep_theirs')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
