import { describe, expect, it } from 'vitest';
import { dateBounds } from '../../../src/capture/metadata/dates/day.ts';
import { findTextDates, type DayOrder } from '../../../src/capture/metadata/dates/text-dates.ts';
import { dateFromUrl } from '../../../src/capture/metadata/dates/url-date.ts';
import { NOW, extract } from './helpers.ts';

const bounds = dateBounds(NOW);
const first = (text: string, order: DayOrder = 'auto') => findTextDates(text, bounds, order, 1)[0]?.day;

describe('text dates', () => {
  it.each([
    ['Published March 3, 2024 at 10:00'],
    ['Mar. 3rd, 2024'],
    ['3 March 2024'],
    ['Veröffentlicht am 3. März 2024'],
    ['publié le 3 mars 2024'],
    ['publicado el 3 de marzo de 2024'],
    ['pubblicato il 3 marzo 2024'],
    ['publicado em 3 de março de 2024'],
    ['gepubliceerd op 3 maart 2024'],
    ['2024-03-03'],
    ['2024年3月3日'],
    ['am 03.03.24 um 10:00'],
  ])('reads %s', (text) => {
    expect(first(text)).toBe('2024-03-03');
  });

  it('reads numeric dates day-first or month-first, and unambiguously when a part exceeds 12', () => {
    expect(first('04/03/2024', 'month-first')).toBe('2024-04-03');
    expect(first('04/03/2024', 'day-first')).toBe('2024-03-04');
    expect(first('25/03/2024', 'month-first')).toBe('2024-03-25');
    expect(first('03/25/2024', 'day-first')).toBe('2024-03-25');
    expect(first('04.03.2024', 'month-first')).toBe('2024-03-04');
  });

  it('ignores words that merely contain a month name and numbers that are not dates', () => {
    expect(first('Marching 3, 2024 steps')).toBeUndefined();
    expect(first('version 1.10.2024.5 and 13/13/2024')).toBeUndefined();
  });

  it('uses the page language to read a visible numeric date', () => {
    expect(extract('', '<span class="post-date">04/03/2024</span>', 'https://x.example/a', 'de').publishedDate).toBe('2024-03-04');
    expect(extract('', '<span class="post-date">04/03/2024</span>', 'https://x.example/a', 'en-US').publishedDate).toBe('2024-04-03');
  });

  it('reads a date after a "published" label in the text', () => {
    const meta = extract('', '<p>Letzte Änderung: 31.10.2023</p><p>Erschienen am: 01.11.2023</p>', 'https://x.example/a', 'de');
    expect(meta.publishedDate).toBe('2023-11-01');
  });
});

describe('URL dates', () => {
  it.each([
    ['https://example.com/2024/03/03/story', '2024-03-03'],
    ['https://example.com/news/2024-03-03-story', '2024-03-03'],
    ['https://example.com/20240303/story', '2024-03-03'],
    ['https://example.com/2023/10/3-questions-for-you', undefined],
    ['https://example.com/2024/03/story', undefined],
  ])('%s gives %s', (url, day) => {
    expect(dateFromUrl(url, bounds)).toBe(day);
  });

  it('is used when the page has no explicit date', () => {
    const meta = extract('', '<p>no date</p>', 'https://example.com/2024/03/03/story');
    expect(meta.publishedDate).toBe('2024-03-03');
    expect(meta.provenance['publishedDate']).toBe('url');
  });
});
