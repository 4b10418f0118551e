import { useEffect, useState } from 'preact/hooks';
import { db } from '../store/db.ts';
import { onOpsQueued } from '../store/sync-outbox.ts';
import { syncState } from '../sync/state.ts';
import { t } from '../i18n/i18n.ts';
import { useLiveQuery } from './live-query.ts';
import { send } from './send.ts';

/** Ops queued by a page's own writes are not all seen by live queries, so the status also looks again now and then. */
const RECHECK_MS = 3_000;

/** Asks the worker to sync when the page opens, and shortly after each edit made on the page. */
function useSyncWithWorker(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    void send('sync.now', {}).catch(() => undefined);
    onOpsQueued(() => void send('sync.now', { afterEdit: true }).catch(() => undefined));
    const timer = setInterval(() => setTick((n) => n + 1), RECHECK_MS);
    return () => clearInterval(timer);
  }, []);
  return tick;
}

/** Where sync stands, in plain words: synced, N changes waiting, paused (sign in again), offline. */
export function SyncStatus() {
  const tick = useSyncWithWorker();
  const state = useLiveQuery(() => syncState(db()), [tick]);
  // With no archive, nothing syncs and the pages look as they did before sync existed.
  if (!state || state.kind === 'local') return null;
  const text =
    state.kind === 'synced' ? t('sync_state_synced')
    : state.kind === 'paused' ? t('sync_state_paused', state.pending)
    : state.kind === 'offline' ? (state.pending > 0 ? t('sync_state_offline', state.pending) : t('sync_state_offline_synced'))
    : state.pending === 1 ? t('sync_state_waiting_one')
    : t('sync_state_waiting_n', state.pending);
  return (
    <>
      <p class={state.kind === 'paused' ? 'notice error sync-status' : 'notice sync-status'} role="status" data-sync={state.kind}>
        {text}
        {state.kind === 'paused' && (
          <>
            {' '}
            <a href="/options/index.html" target="_blank" rel="noreferrer">{t('sync_sign_in')}</a>
          </>
        )}
      </p>
      {state.rejected > 0 && <p class="notice error">{t('sync_state_rejected', state.rejected)}</p>}
      {state.elsewhere !== undefined && <p class="notice">{t('sync_state_elsewhere', state.elsewhere)}</p>}
    </>
  );
}
