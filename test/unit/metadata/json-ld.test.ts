import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

describe('JSON-LD dates', () => {
  it('reads datePublished of a NewsArticle', () => {
    const meta = extract(ld('{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-03-03T09:00:00+01:00"}'));
    expect(meta.publishedDate).toBe('2024-03-03');
    expect(meta.provenance['publishedDate']).toBe('json-ld:datePublished');
  });

  it('finds the article inside @graph and prefers it to the WebPage', () => {
    const meta = extract(
      ld(`{"@context":"https://schema.org","@graph":[
        {"@type":"WebPage","datePublished":"2024-01-01"},
        {"@type":"BlogPosting","datePublished":"2024-02-02","dateModified":"2024-05-05","headline":"Graph headline"}]}`),
    );
    expect(meta.publishedDate).toBe('2024-02-02');
    expect(meta.modifiedDate).toBe('2024-05-05');
  });

  it('reads top-level arrays and ignores articles nested in related lists', () => {
    const meta = extract(
      ld(`[{"@type":"Article","datePublished":"2024-04-04",
            "mentions":{"@type":"ItemList","itemListElement":[{"@type":"NewsArticle","datePublished":"2023-01-01"}]}}]`),
    );
    expect(meta.publishedDate).toBe('2024-04-04');
  });

  it('survives malformed JSON: trailing commas, raw newlines, and a block that never parses', () => {
    expect(extract(ld('{"@type":"Article","datePublished":"2024-02-10",}')).publishedDate).toBe('2024-02-10');
    expect(extract(ld('{"@type":"Article","headline":"two\nlines","datePublished":"2024-02-11"}')).publishedDate).toBe('2024-02-11');
    expect(extract(ld('{"@type":"Article", "datePublished": "2024-02-12", oops }')).publishedDate).toBe('2024-02-12');
  });

  it('keeps the publication date when the modification date is also given', () => {
    const meta = extract(ld('{"@type":"Article","dateModified":"2024-05-20","datePublished":"2023-11-02"}'));
    expect(meta.publishedDate).toBe('2023-11-02');
    expect(meta.modifiedDate).toBe('2024-05-20');
  });

  it('takes authors and headline', () => {
    const meta = extract(ld('{"@type":"Article","headline":"Model leaks data","author":[{"@type":"Person","name":"Ada Lovelace"},{"name":"Alan Turing"}]}'));
    expect(meta.authors).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(meta.title).toBe('Model leaks data');
  });
});
