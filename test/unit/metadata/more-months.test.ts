import { describe, expect, it } from 'vitest';
import { dateBounds } from '../../../src/capture/metadata/dates/day.ts';
import { findTextDates } from '../../../src/capture/metadata/dates/text-dates.ts';
import { NOW, docOf } from './helpers.ts';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';

const bounds = dateBounds(NOW);

describe('month names in more languages', () => {
  it.each([
    ['Опубликовано 3 марта 2024, 13:43'],
    ['3 березня 2024'],
    ['opublikowano 3 marca 2024'],
    ['publikováno 3. března 2024'],
    ['3 Mart 2024 Pazar'],
  ])('reads %s', (text) => {
    expect(findTextDates(text, bounds, 'day-first', 1)[0]?.day).toBe('2024-03-03');
  });
});

describe('the page language', () => {
  it('is read from xml:lang on XHTML pages, so en-GB dates are day-first', () => {
    const html = '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en-GB"><head></head><body><h1>H</h1><span class="time">02/10/2020</span></body></html>';
    const meta = extractMetadata(docOf(html), 'https://news.example.com/a', { now: NOW });
    expect(meta.publishedDate).toBe('2020-10-02');
  });
});
