import { describe, expect, it } from 'vitest';
import { independentPublishers, sourceTier, tierForCount } from '../../../src/workspace/source-tier.ts';

describe('source tier', () => {
  it('maps publisher counts to tiers', () => {
    expect([0, 1, 2, 3, 7].map(tierForCount)).toEqual(['none', 'single', 'standard', 'strong', 'strong']);
  });

  it('counts publishers by name (case and spacing ignored), else by host without www', () => {
    const sources = [
      { url: 'https://a.example/1', publisher: 'The Ledger' },
      { url: 'https://b.example/2', publisher: ' the  ledger ' },
      { url: 'https://www.c.example/3' },
      { url: 'https://c.example/4' },
      { url: 'https://d.example/5', publisher: 'Wire' },
    ];
    expect(independentPublishers(sources)).toBe(3);
    expect(sourceTier(sources)).toBe('strong');
    expect(sourceTier(sources.slice(0, 2))).toBe('single');
  });
});
