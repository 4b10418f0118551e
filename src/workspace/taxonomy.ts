/**
 * The taxonomy the editor offers: the archive's, fetched through ArchiveClient and cached in IndexedDB;
 * the cached copy when the archive cannot be reached; a small built-in list only when there is neither,
 * labelled as such so nobody mistakes it for the archive's.
 */
import type { ArchiveClient } from '../archive/client.ts';
import type { Taxonomy } from '../archive/contract.ts';
import { cachedTaxonomy, refreshTaxonomy } from '../store/taxonomy.ts';
import type { ClipperDb } from '../store/db.ts';

export type TaxonomyOrigin = 'archive' | 'cache' | 'built-in';

export const BUILT_IN_TAXONOMY: Taxonomy = {
  version: 'built-in',
  codes: [
    { code: 'M1', label: 'Fabricated or false output', group: 'Model behaviour' },
    { code: 'M2', label: 'Harmful content generated', group: 'Model behaviour' },
    { code: 'M3', label: 'Biased or discriminatory output', group: 'Model behaviour' },
    { code: 'D1', label: 'Personal data exposed', group: 'Data and privacy' },
    { code: 'S1', label: 'Prompt injection', group: 'Security' },
    { code: 'U1', label: 'Deepfake or impersonation', group: 'Misuse' },
    { code: 'F1', label: 'Death or physical injury', group: 'Harm' },
  ],
  providers: [
    { name: 'OpenAI', domains: ['openai.com'] },
    { name: 'Anthropic', domains: ['anthropic.com'] },
    { name: 'Google', domains: ['google.com'] },
    { name: 'Meta', domains: ['meta.com'] },
    { name: 'Microsoft', domains: ['microsoft.com'] },
  ],
  severities: [
    { level: 'SEV-1', label: 'Critical', definition: 'Death, serious injury, or harm to many people.' },
    { level: 'SEV-2', label: 'Major', definition: 'Significant harm to people, property or rights.' },
    { level: 'SEV-3', label: 'Moderate', definition: 'Limited harm, or a credible near miss.' },
    { level: 'SEV-4', label: 'Minor', definition: 'Little or no harm; noteworthy behaviour.' },
  ],
};

export interface EditorTaxonomy {
  taxonomy: Taxonomy;
  origin: TaxonomyOrigin;
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

export interface CodeMatch {
  code: string;
  label: string;
  group?: string;
  description?: string;
}

/** Codes whose code, label, group or description contain every word of `query` (case-insensitive). */
export function filterCodes(codes: CodeMatch[], query: string): CodeMatch[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return codes;
  return codes.filter((code) => {
    const haystack = [code.code, code.label, code.group, code.description].filter(Boolean).join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
