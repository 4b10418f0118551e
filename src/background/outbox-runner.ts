/** Drains the outbox at most once at a time and keeps the badge honest about what waits. */
import { ArchiveClient } from '../archive/client.ts';
import { db } from '../store/db.ts';
import { drainOutbox, type DrainOutcome } from '../store/outbox.ts';
import { setPendingCount } from './badge.ts';

let running: Promise<DrainOutcome> | undefined;

export async function refreshPendingBadge(): Promise<void> {
  await setPendingCount(await db().outbox.count());
}

export function runOutbox(): Promise<DrainOutcome> {
  running ??= drainOutbox({ clientFor: (url, token) => new ArchiveClient(url, token) }).finally(() => {
    running = undefined;
    void refreshPendingBadge();
  });
  return running;
}
