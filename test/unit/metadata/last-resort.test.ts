import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const NO_DATE_BODY = '<h1>Annual report</h1><p>Rendered by script.</p>';

describe('last-resort publication dates on pages that print none', () => {
  it('reads a date the page writes into its own description', () => {
    const head = '<meta name="description" content="ORSO MARSICANO: 2019 UN ANNO DA RECORD (Notizia del 14 Gennaio 2020)">';
    const meta = extract(head, NO_DATE_BODY, 'https://www.parco.example.it/dettaglio.php?id=58354', 'it');
    expect(meta.publishedDate).toBe('2020-01-14');
    expect(meta.provenance['publishedDate']).toBe('meta:description (text)');
  });

  it('reads the dated path of the share image, relative or absolute', () => {
    for (const image of ['https://www.example.org/files/2016/05/04/ar-2015-og.png', '/files/2016/05/04/ar-2015-og.png']) {
      const meta = extract(`<meta property="og:image" content="${image}">`, NO_DATE_BODY, 'https://www.example.org/annual-report/2015/');
      expect(meta.publishedDate).toBe('2016-05-04');
      expect(meta.provenance['publishedDate']).toBe('image-url:og:image');
    }
  });

  it('ranks both below any date printed in the page text', () => {
    const head =
      '<meta name="description" content="Rückblick vom 2. März 2020"><meta property="og:image" content="https://cdn.example.com/2019/01/02/cover.jpg">';
    const meta = extract(head, '<h1>Story</h1><p>Am 5. März 2020 ging es los.</p>', 'https://news.example.de/story', 'de');
    expect(meta.publishedDate).toBe('2020-03-05');
    expect(meta.provenance['publishedDate']).toBe('text:near-headline');
  });

  it('ignores a share image without a full dated path', () => {
    const meta = extract('<meta property="og:image" content="https://cdn.example.com/uploads/2019/01/cover.jpg">', NO_DATE_BODY);
    expect(meta.publishedDate).toBeUndefined();
  });
});
