import { listRevisions, restoreRevision } from '../src/store/revisions.ts';
import { t, type MessageKey } from '../src/i18n/i18n.ts';
import { PageText } from '../src/ui/PageText.tsx';
import { useLiveQuery } from '../src/ui/live-query.ts';

/** Earlier versions of the draft, newest first, each restorable (the restore itself is kept too). */
export function HistoryPanel({ draftId }: { draftId: string }) {
  const revisions = useLiveQuery(() => listRevisions(draftId), [draftId]) ?? [];
  return (
    <details class="history">
      <summary>{revisions.length === 1 ? t('history_title_one') : t('history_title', revisions.length)}</summary>
      {revisions.length === 0 ? (
        <p class="muted">{t('history_empty')}</p>
      ) : (
        <ol class="list" aria-label={t('history_list')}>
          {revisions.map((revision) => (
            <li key={revision.id} class="row">
              <span class="grow">
                {new Date(revision.at).toLocaleString()} · {t(`revision_${revision.reason}` as MessageKey)} · “{revision.draft.title ? <PageText text={revision.draft.title} /> : t('untitled')}”
              </span>
              <button type="button" class="small" onClick={() => void restoreRevision(revision.id!)} aria-label={t('history_restore_named', new Date(revision.at).toLocaleString())}>
                {t('history_restore')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
