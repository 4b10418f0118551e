/** Drains the outbox at most once at a time and keeps the badge honest about what waits. */
import { ArchiveClient } from '../archive/client.ts';
import { db } from '../store/db.ts';
import { drainOutbox, type DrainOutcome } from '../store/outbox.ts';
import { setPendingCount } from './badge.ts';
import { loadSettings } from '../store/settings.ts';
import { refreshTaxonomy, taxonomyIsStale } from '../store/taxonomy.ts';

let running: Promise<DrainOutcome> | undefined;
let queuedRun: Promise<DrainOutcome> | undefined;

export async function refreshPendingBadge(): Promise<void> {
  await setPendingCount(await db().outbox.count());
}

/** Keeps the offline copy of the archive's taxonomy at most a day old, checked whenever the worker wakes. */
export async function refreshTaxonomyCache(): Promise<void> {
  const settings = await loadSettings();
  if (settings.archiveUrl && (await taxonomyIsStale())) await refreshTaxonomy(new ArchiveClient(settings.archiveUrl, settings.token));
}

/**
 * Drains the outbox, one drain at a time. A call during a drain gets one more drain after it, because
 * the running one listed its rows before the caller's new row existed.
 * `now`: a person is waiting (submit, popup, options), so rows still in backoff are tried too;
 * the alarm and worker start respect the backoff.
 */
export function runOutbox({ now = false }: { now?: boolean } = {}): Promise<DrainOutcome> {
  if (running) {
    queuedRun ??= running.then(() => {
      queuedRun = undefined;
      return runOutbox({ now });
    });
    return queuedRun;
  }
  running = drainOutbox({ clientFor: (url, token) => new ArchiveClient(url, token), ignoreBackoff: now }).finally(() => {
    running = undefined;
    void refreshPendingBadge();
  });
  return running;
}
