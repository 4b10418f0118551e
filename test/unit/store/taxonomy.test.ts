import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ArchiveClient } from '../../../src/archive/client.ts';
import { TAXONOMY_MAX_AGE_MS, cachedTaxonomy, refreshTaxonomy, taxonomyIsStale } from '../../../src/store/taxonomy.ts';
import { freshDb, jsonResponse, scriptedFetch } from '../support/fixtures.ts';

const taxonomy = {
  version: '2025.1',
  codes: [{ code: 'M1', label: 'Fabricated output' }],
  providers: [{ name: 'OpenAI', domains: ['openai.com'] }],
  severities: [{ level: 'SEV-3', label: 'Moderate', definition: 'Limited harm.' }],
};

describe('the offline taxonomy cache', () => {
  it('is fetched once, kept a day, and survives a failed refresh', async () => {
    const store = freshDb();
    expect(await taxonomyIsStale(store)).toBe(true);
    const { impl } = scriptedFetch([() => jsonResponse(200, taxonomy), () => Promise.reject(new TypeError('offline'))]);
    const client = new ArchiveClient('http://archive.test', '', impl);
    await refreshTaxonomy(client, store);
    expect(await taxonomyIsStale(store)).toBe(false);
    expect(await taxonomyIsStale(store, Date.now() + TAXONOMY_MAX_AGE_MS + 1)).toBe(true);
    expect(await refreshTaxonomy(client, store)).toMatchObject({ version: '2025.1' });
    expect((await cachedTaxonomy(store))?.providers).toEqual([{ name: 'OpenAI', domains: ['openai.com'] }]);
  });
});
