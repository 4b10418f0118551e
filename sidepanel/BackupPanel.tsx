import { useState } from 'preact/hooks';
import { exportEverything, type ImportOutcome } from '../src/store/backup.ts';
import { importBackup } from '../src/store/backup-import.ts';
import { download } from '../src/ui/download.ts';
import { serializeBackup } from '../src/workspace/io/backup.ts';
import { formatNumber, t } from '../src/i18n/i18n.ts';

/** Backup of every draft, clip and revision as versioned JSON; import is all-or-nothing. */
export function BackupPanel() {
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [progress, setProgress] = useState<{ written: number; total: number } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  async function importFile(file: File) {
    setOutcome(null);
    setFailure(null);
    setProgress({ written: 0, total: 0 });
    try {
      setOutcome(await importBackup(file, (written, total) => setProgress({ written, total })));
    } catch (error) {
      // The import runs in one transaction: a failure (e.g. the disk is full) leaves the store as it was.
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setProgress(null);
    }
  }
  async function exportAll() {
    const backup = await exportEverything();
    download(`incident-clipper-backup-${backup.exportedAt.slice(0, 10)}.json`, serializeBackup(backup), 'application/json');
  }
  return (
    <section aria-label={t('backup_title')} class="backup">
      <h2>{t('backup_title')}</h2>
      <button type="button" onClick={() => void exportAll()}>
        {t('backup_export')}
      </button>
      <label for="backup-import">{t('backup_import')}</label>
      <input
        id="backup-import"
        type="file"
        accept=".json,application/json"
        disabled={progress !== null}
        onChange={(e) => e.currentTarget.files?.[0] && void importFile(e.currentTarget.files[0])}
      />
      {progress && (
        <p role="status" aria-live="polite">
          <label for="backup-progress">{progress.total ? t('backup_importing', formatNumber(progress.written), formatNumber(progress.total)) : t('backup_checking')}</label>{' '}
          <progress id="backup-progress" max={progress.total || undefined} value={progress.total ? progress.written : undefined} />
        </p>
      )}
      {failure && (
        <p role="alert" class="notice error" data-testid="import-outcome">
          {t('backup_import_failed', failure)}
        </p>
      )}
      {outcome?.ok && (
        <p role="status" class="ok" data-testid="import-outcome">
          {t('backup_imported', t(outcome.drafts === 1 ? 'backup_count_drafts_one' : 'backup_count_drafts', formatNumber(outcome.drafts)), t(outcome.clips === 1 ? 'backup_count_quotes_one' : 'backup_count_quotes', formatNumber(outcome.clips)))}
        </p>
      )}
      {outcome && !outcome.ok && (
        <div role="alert" class="notice error" data-testid="import-outcome">
          <p>{t(outcome.rejected.length === 1 ? 'backup_rejected_one' : 'backup_rejected', outcome.rejected.length)}</p>
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
