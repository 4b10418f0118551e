import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';
import { NOW, docOf, extract } from './helpers.ts';

describe('page text for dates', () => {
  it('reads the body when output before the doctype confuses the parser', () => {
    const html = '<br /><b>Warning</b>: deprecated<br />\n<!DOCTYPE html><html lang="de"><head><title>t</title></head>' +
      '<body><div><p>Text</p><p class="x">Samstag, 3. März 2024 um 10:00 Uhr</p></div></body></html>';
    const meta = extractMetadata(docOf(html), 'https://blog.example.de/post', { now: NOW });
    expect(meta.publishedDate).toBe('2024-03-03');
    expect(meta.language).toBe('de');
  });

  it('ignores dates inside inline scripts and styles when reading the text', () => {
    const body =
      '<div class="widget"><script>/* ad slot, created 02.06.10 */ var slot = 1;</script></div>' +
      '<article><p>Dieser Artikel wurde am 14. Dezember 2015 veröffentlicht.</p></article>';
    expect(extract('', body, 'https://blog.example.de/post', 'de').publishedDate).toBe('2015-12-14');
  });
});

describe('publication dates in inline script data', () => {
  it.each([
    ['Next.js', '<script id="__NEXT_DATA__" type="application/json">{"props":{"post":{"publishedAt":"2024-03-03T09:00:00Z"}}}</script>'],
    ['Shopify', '<script>var meta = {"product":{"published_at":"2024-03-03T06:22:28+01:00"}};</script>'],
    ['a data layer', "<script>dataLayer.push({'publishDate': '2024-03-03'});</script>"],
  ])('reads %s state', (_name, script) => {
    const meta = extract('', `<div><p>No date here.</p></div>${script}`, 'https://shop.example.com/item');
    expect(meta.publishedDate).toBe('2024-03-03');
    expect(meta.provenance['publishedDate']).toBe('script');
  });

  it('ranks script data below any date a reader can see, and ignores other keys', () => {
    const script = '<script>var s = {"publishedAt":"2023-01-01T00:00:00Z"};</script>';
    expect(extract('', `<p>Posted on March 3, 2024</p>${script}`).publishedDate).toBe('2024-03-03');
    expect(extract('', '<p>None.</p><script>var s = {"expires":"2024-03-03"};</script>').publishedDate).toBeUndefined();
  });
});
