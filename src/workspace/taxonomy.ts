/**
 * The taxonomy the editor offers when the archive's is not to be had (a small built-in list, labelled as
 * such so nobody mistakes it for the archive's), and the code filter of the pickers. Fetching and caching
 * the archive's copy is the store's (src/store/taxonomy.ts).
 */
import type { Taxonomy } from '../core/contract.ts';

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
  // With no archive to ask, only what any archive's submission schema refuses blocks (see readiness.ts).
  requiredToSubmit: [],
};

export interface EditorTaxonomy {
  taxonomy: Taxonomy;
  origin: TaxonomyOrigin;
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
