/**
 * What the archive said it already holds for a page's canonical URL (`GET /v1/sources?url=`), kept so the
 * popup and the editor can say so offline, and the URLs whose question could not be asked yet (offline,
 * archive down), asked again later. Key-value rows of the settings table, like the taxonomy's cache.
 */
import { z } from 'zod';
import { SourcesLookup } from '../core/contract.ts';
import { db, type ClipperDb } from './db.ts';

const PREFIX = 'knownSource:';
const PENDING = 'knownSourcePending';
/** More pages than this waiting for the archive is a long time offline: the oldest questions are dropped. */
const MAX_PENDING = 200;

export const KnownSource = z.object({ checkedAt: z.string(), matches: SourcesLookup.shape.matches });
export type KnownSource = z.infer<typeof KnownSource>;
export type KnownMatch = KnownSource['matches'][number];

export async function knownSource(url: string, store: ClipperDb = db()): Promise<KnownSource | undefined> {
  const parsed = KnownSource.safeParse((await store.settings.get(PREFIX + url))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** The archive's answer for `url` (none: it refused the question for good); the URL no longer waits to be asked. */
export async function settleKnownSource(url: string, answer: KnownSource | undefined, store: ClipperDb = db()): Promise<void> {
  await store.transaction('rw', store.settings, async () => {
    if (answer) await store.settings.put({ key: PREFIX + url, value: answer });
    const pending = await pendingLookups(store);
    if (pending.includes(url)) await store.settings.put({ key: PENDING, value: pending.filter((other) => other !== url) });
  });
}

export async function pendingLookups(store: ClipperDb = db()): Promise<string[]> {
  const parsed = z.array(z.string()).safeParse((await store.settings.get(PENDING))?.value);
  return parsed.success ? parsed.data : [];
}

/** The archive could not be asked about `url` now: ask again later. */
export async function deferLookup(url: string, store: ClipperDb = db()): Promise<void> {
  await store.transaction('rw', store.settings, async () => {
    const pending = (await pendingLookups(store)).filter((other) => other !== url);
    await store.settings.put({ key: PENDING, value: [...pending, url].slice(-MAX_PENDING) });
  });
}
