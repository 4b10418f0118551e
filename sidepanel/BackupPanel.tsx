import { useState } from 'preact/hooks';
import { exportEverything, importEverything, type ImportOutcome } from '../src/store/backup.ts';
import { download } from '../src/ui/download.ts';
import { t } from '../src/ui/i18n.ts';

/** Backup of every draft, clip and revision as versioned JSON; import is all-or-nothing. */
export function BackupPanel() {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  async function exportAll() {
    const backup = await exportEverything();
    download(`incident-clipper-backup-${backup.exportedAt.slice(0, 10)}.json`, JSON.stringify(backup, null, 2), 'application/json');
  }
  return (
    <section aria-label={t('backup_title')} class="backup">
      <h2>{t('backup_title')}</h2>
      <button type="button" onClick={() => void exportAll()}>
        {t('backup_export')}
      </button>
      <label for="backup-import">{t('backup_import')}</label>
      <input id="backup-import" type="file" accept=".json,application/json" onChange={(e) => e.currentTarget.files?.[0] && void e.currentTarget.files[0].text().then(importEverything).then(setOutcome)} />
      {outcome?.ok && (
        <p role="status" class="ok" data-testid="import-outcome">
          {t('backup_imported', outcome.drafts, outcome.clips)}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div role="alert" class="notice error" data-testid="import-outcome">
          <p>{t('backup_rejected', outcome.rejected.length)}</p>
          <ul>
            {outcome.rejected.slice(0, 20).map((rejection) => (
              <li key={`${rejection.path} ${rejection.reason}`}>
                <code>{rejection.path}</code>: {rejection.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
