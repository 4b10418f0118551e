/** When the worker syncs: at start, at browser start-up, on the alarm, when a page opens, and shortly after an edit. */
import { ArchiveClient } from '../archive/client.ts';
import { db } from '../store/db.ts';
import { onOpsQueued } from '../store/sync-outbox.ts';
import { syncNow } from '../sync/engine.ts';

export const SYNC_ALARM = 'sync';
/** Edits come in bursts (typing): one drain after the burst. */
const AFTER_EDIT_MS = 2_000;

let soon: ReturnType<typeof setTimeout> | undefined;

/** `force`: a person is waiting (a page opened), so a backoff does not hold it back. */
export function runSync(force = false): Promise<void> {
  return syncNow({ store: db(), clientFor: (url, token) => new ArchiveClient(url, token), force }).catch((error: unknown) => console.warn('sync', error));
}

export function syncSoon(): void {
  clearTimeout(soon);
  // Not forced: typing while the archive is down must not knock on it every burst.
  soon = setTimeout(() => void runSync(), AFTER_EDIT_MS);
}

/** The worker's own edits (clips) sync shortly after. */
export function syncAfterEdits(): void {
  onOpsQueued(syncSoon);
}
