/** The archive's taxonomy (codes, providers, severities), cached so drafts can use it offline. */
import { Taxonomy } from '../core/contract.ts';
import type { ArchiveClient } from '../archive/client.ts';
import { db, type ClipperDb } from './db.ts';
import { BUILT_IN_TAXONOMY, type EditorTaxonomy } from '../workspace/taxonomy.ts';

const KEY = 'taxonomy';
const FETCHED_AT = 'taxonomyFetchedAt';
/** The taxonomy changes rarely; the worker wakes often. */
export const TAXONOMY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** True when the cached copy is missing or older than a day. */
export async function taxonomyIsStale(store: ClipperDb = db(), nowMs = Date.now()): Promise<boolean> {
  const fetchedAt = (await store.settings.get(FETCHED_AT))?.value;
  return typeof fetchedAt !== 'number' || nowMs - fetchedAt > TAXONOMY_MAX_AGE_MS || !(await cachedTaxonomy(store));
}

export async function cachedTaxonomy(store: ClipperDb = db()): Promise<Taxonomy | undefined> {
  const parsed = Taxonomy.safeParse((await store.settings.get(KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Fetches the taxonomy and caches it; on any failure the cached copy stays as it was. */
export async function refreshTaxonomy(client: ArchiveClient, store: ClipperDb = db()): Promise<Taxonomy | undefined> {
  const result = await client.taxonomy();
  if (!result.ok) return cachedTaxonomy(store);
  await store.settings.bulkPut([
    { key: KEY, value: result.value },
    { key: FETCHED_AT, value: Date.now() },
  ]);
  return result.value;
}

/** What to show before the network answers: the cache, else the built-in list. */
export async function offlineTaxonomy(store?: ClipperDb): Promise<EditorTaxonomy> {
  const cached = await cachedTaxonomy(store);
  return cached ? { taxonomy: cached, origin: 'cache' } : { taxonomy: BUILT_IN_TAXONOMY, origin: 'built-in' };
}

/** Asks the archive (caching its answer); falls back as `offlineTaxonomy` does. */
export async function freshTaxonomy(client: ArchiveClient | undefined, store?: ClipperDb): Promise<EditorTaxonomy> {
  if (client) {
    let reached = false;
    const counting = Object.create(client) as ArchiveClient;
    counting.taxonomy = async () => {
      const result = await client.taxonomy();
      reached = result.ok;
      return result;
    };
    const taxonomy = await refreshTaxonomy(counting, store);
    if (reached && taxonomy) return { taxonomy, origin: 'archive' };
  }
  return offlineTaxonomy(store);
}
