import { describe, expect, it } from 'vitest';
import { guessProviders } from '../../../src/core/providers.ts';
import { canonicalizeUrl, registrableDomain } from '../../../src/core/url.ts';
import type { SourceMetadata } from '../../../src/core/draft.ts';

describe('canonicalizeUrl', () => {
  it.each([
    ['https://Example.COM:443/a?utm_source=x&utm_campaign=y&id=3#frag', 'https://example.com/a?id=3'],
    ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&_hsenc=7', 'https://example.com/a'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?b=2&a=1'],
    ['https://example.com/app#/incident/42', 'https://example.com/app#/incident/42'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('computes registrable domains for generic and country second-level registries', () => {
    expect(registrableDomain('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(registrableDomain('blog.openai.com')).toBe('openai.com');
  });
});

describe('guessProviders', () => {
  const providers = [
    { name: 'OpenAI', domains: ['openai.com'] },
    { name: 'Meta', domains: ['meta.com', 'facebook.com'] },
    { name: 'Anthropic', domains: ['anthropic.com'] },
  ];
  const meta = (url: string, title: string): SourceMetadata => ({ url, originalUrl: url, title, authors: [], provenance: {} });

  it('matches the source domain, subdomains included, before name mentions, each group in list order', () => {
    expect(guessProviders(meta('https://about.facebook.com/x', 'Anthropic and OpenAI respond'), '', providers)).toEqual(['Meta', 'OpenAI', 'Anthropic']);
  });

  it('matches names as whole words only, case-sensitively', () => {
    expect(guessProviders(meta('https://news.example.com/x', 'Page metadata and OpenAIs'), 'the meta-analysis', providers)).toEqual([]);
    expect(guessProviders(meta('https://news.example.com/x', 'Story'), 'Meta said (OpenAI too).', providers)).toEqual(['OpenAI', 'Meta']);
  });

  it('does not match a look-alike domain', () => {
    expect(guessProviders(meta('https://notopenai.com/x', 'Story'), '', providers)).toEqual([]);
  });
});
