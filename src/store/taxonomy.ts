/** The archive's taxonomy (codes, providers, severities), cached so drafts can use it offline. */
import { Taxonomy } from '../archive/contract.ts';
import type { ArchiveClient } from '../archive/client.ts';
import { db, type ClipperDb } from './db.ts';

const KEY = 'taxonomy';

export async function cachedTaxonomy(store: ClipperDb = db()): Promise<Taxonomy | undefined> {
  const parsed = Taxonomy.safeParse((await store.settings.get(KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Fetches the taxonomy and caches it; on any failure the cached copy stays as it was. */
export async function refreshTaxonomy(client: ArchiveClient, store: ClipperDb = db()): Promise<Taxonomy | undefined> {
  const result = await client.taxonomy();
  if (!result.ok) return cachedTaxonomy(store);
  await store.settings.put({ key: KEY, value: result.value });
  return result.value;
}
