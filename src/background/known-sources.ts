/**
 * The duplicate check at clip time: the worker asks the archive whether it already holds the clipped page
 * (pending or published). When it does, the page's toast says so (naming no entry: page scripts can read
 * it) and offers the draft, whose popup and editor name and link the entry. Offline or with the archive
 * down, nothing is said and the question waits for the next sync alarm.
 */
import { ArchiveClient, type ApiFailure } from '../archive/client.ts';
import { db } from '../store/db.ts';
import { deferLookup, pendingLookups, settleKnownSource, type KnownMatch } from '../store/known-sources.ts';
import { loadSettings } from '../store/settings.ts';

/** Worth asking again later: the network, the archive's own trouble, or its rate limit. */
const transient = (failure: ApiFailure) => failure.kind === 'network' || (failure.kind === 'http' && (failure.status >= 500 || failure.status === 429 || failure.status === 408));

/** Asks the archive about `url`: its matches, or undefined when it could not be asked (then it waits, if worth it). */
export async function checkKnownSource(url: string): Promise<KnownMatch[] | undefined> {
  const settings = await loadSettings();
  if (!settings.archiveUrl || !settings.token) return undefined;
  const reply = await new ArchiveClient(settings.archiveUrl, settings.token).sources(url);
  if (!reply.ok) {
    await (transient(reply.failure) ? deferLookup(url) : settleKnownSource(url, undefined));
    return undefined;
  }
  await settleKnownSource(url, { checkedAt: new Date().toISOString(), matches: reply.value.matches });
  return reply.value.matches;
}

/** The questions that waited: asked again, one at a time, stopping when the archive is still out of reach. */
export async function retryKnownSources(): Promise<void> {
  for (const url of await pendingLookups(db())) {
    await checkKnownSource(url);
    if ((await pendingLookups(db())).includes(url)) return;
  }
}
