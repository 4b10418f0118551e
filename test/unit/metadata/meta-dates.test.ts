import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('meta-tag and markup dates', () => {
  it('reads article:published_time, not article:modified_time', () => {
    const meta = extract(
      '<meta property="article:modified_time" content="2024-05-01T10:00:00Z"><meta property="article:published_time" content="2024-04-01T10:00:00Z">',
    );
    expect(meta.publishedDate).toBe('2024-04-01');
    expect(meta.modifiedDate).toBe('2024-05-01');
    expect(meta.provenance['publishedDate']).toBe('meta:article:published_time');
  });

  it.each([
    ['<meta name="citation_publication_date" content="2021/07/15">', 'meta:citation_publication_date'],
    ['<meta name="DC.date.issued" content="2021-07-15">', 'meta:dc.date.issued'],
    ['<meta name="parsely-pub-date" content="2021-07-15T08:00:00Z">', 'meta:parsely-pub-date'],
    ['<meta name="sailthru.date" content="2021-07-15 08:00:00">', 'meta:sailthru.date'],
  ])('reads %s', (head, source) => {
    const meta = extract(head);
    expect(meta.publishedDate).toBe('2021-07-15');
    expect(meta.provenance['publishedDate']).toBe(source);
  });

  it('takes the calendar day as written in the offset, not the UTC day', () => {
    expect(extract('<meta property="article:published_time" content="2024-03-03T23:30:00-05:00">').publishedDate).toBe('2024-03-03');
    expect(extract('<meta property="article:published_time" content="2024-03-04T00:30:00+09:00">').publishedDate).toBe('2024-03-04');
  });

  it('prefers the local day when the UTC timestamp has a local twin on the page', () => {
    const meta = extract(
      '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">',
      '<time datetime="2023-11-08T21:11:03-05:00">November 8, 2023</time>',
    );
    expect(meta.publishedDate).toBe('2023-11-08');
  });

  it('reads <time datetime> but skips one marked as an update', () => {
    const body = '<time class="updated" datetime="2024-05-05">May 5</time><time datetime="2024-02-02">Feb 2</time>';
    expect(extract('', body).publishedDate).toBe('2024-02-02');
    expect(extract('', body).provenance['publishedDate']).toBe('time[datetime]');
  });

  it('rejects implausible dates: before 1995 or after now', () => {
    expect(extract('<meta property="article:published_time" content="1970-01-01T00:00:00Z">').publishedDate).toBeUndefined();
    expect(extract('<meta property="article:published_time" content="2030-01-01">').publishedDate).toBeUndefined();
    expect(extract('<meta property="article:published_time" content="2024-02-30">').publishedDate).toBeUndefined();
  });
});
