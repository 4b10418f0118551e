import { db } from '../src/store/db.ts';
import { loadSettings } from '../src/store/settings.ts';
import { useLiveQuery } from '../src/ui/live-query.ts';
import { t } from '../src/i18n/i18n.ts';

/** What waits to be sent, and why it is waiting. */
export function OutboxStatus() {
  const status = useLiveQuery(async () => {
    const [pending, deadLetters, settings] = await Promise.all([db().outbox.count(), db().deadLetters.count(), loadSettings()]);
    return { pending, deadLetters, settings };
  }, []);
  if (!status) return null;
  const { pending, deadLetters, settings } = status;
  return (
    <>
      {!settings.archiveUrl && (
        <p class="notice">
          {t('outbox_no_archive')} <a href="/options/index.html" target="_blank">{t('outbox_connect')}</a>
        </p>
      )}
      {settings.paused && (
        <p class="notice error" role="alert">
          {t(pending === 1 ? 'outbox_paused_one' : 'outbox_paused_n', pending)}{' '}
          <a href="/options/index.html" target="_blank">{t('outbox_new_token')}</a>.
        </p>
      )}
      {!settings.paused && pending > 0 && (
        <p class="notice" role="status">
          {t(pending === 1 ? 'outbox_waiting_one' : 'outbox_waiting_n', pending)}
        </p>
      )}
      {deadLetters > 0 && (
        <p class="notice error">
          {t(deadLetters === 1 ? 'outbox_refused_one' : 'outbox_refused_n', deadLetters)}
        </p>
      )}
    </>
  );
}
