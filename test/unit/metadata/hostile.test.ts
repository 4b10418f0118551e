import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';
import { SourceMetadata } from '../../../src/core/draft.ts';
import { NOW, docOf } from './helpers.ts';

describe('hostile input', () => {
  // Its speed is a bench figure (capture.metadata.page_5mb_ms); the unit timeout only catches a hang.
  it('reads a 5 MB page of date-like noise into a valid source', () => {
    const filler = '<div class="meta-date">Lorem ipsum 12 dolor 2024 sit amet, 99/99/9999 March 2024</div>'.repeat(60_000);
    const doc = docOf(`<html><head><title>Big</title></head><body>${filler}<p>Posted March 3, 2024</p></body></html>`);
    const meta = extractMetadata(doc, 'https://example.com/big', { now: NOW });
    expect(() => SourceMetadata.parse(meta)).not.toThrow();
  }, 30_000);

  it('handles deeply nested markup and JSON-LD', () => {
    const depth = 5_000;
    const nested = `${'<div class="date">'.repeat(depth)}3 March 2024${'</div>'.repeat(depth)}`;
    const json = `${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`;
    const doc = docOf(`<html><head><script type="application/ld+json">${json}</script></head><body>${nested}</body></html>`);
    const meta = extractMetadata(doc, 'https://example.com/deep', { now: NOW });
    expect(meta.publishedDate).toBe('2024-03-03');
  });

  it('bounds the length of every field', () => {
    const long = 'x'.repeat(100_000);
    const doc = docOf(`<html><head><title>${long}</title><meta name="description" content="${long}"><meta name="author" content="${long}"></head><body></body></html>`);
    expect(() => SourceMetadata.parse(extractMetadata(doc, 'https://example.com/long', { now: NOW }))).not.toThrow();
  });
});
