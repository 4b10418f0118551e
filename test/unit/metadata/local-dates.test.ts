/** Dates printed in a local script or calendar (issue 13: Arabic, Persian, Hebrew, CJK, Romanian pages went undated). */
import { describe, expect, it } from 'vitest';
import { dateBounds } from '../../../src/capture/metadata/dates/day.ts';
import { findTextDates } from '../../../src/capture/metadata/dates/text-dates.ts';
import { LOCAL_DATES } from '../../fixtures/dates/local-formats.ts';
import { NOW, extract } from './helpers.ts';

const bounds = dateBounds(NOW);

describe('dates printed in a local script or calendar', () => {
  for (const [language, rows] of Object.entries(LOCAL_DATES)) {
    it.each(rows)(`${language}: reads %s`, (printed, day) => {
      expect(findTextDates(printed, bounds, 'day-first', 1)[0]?.day).toBe(day);
    });
  }

  it('dates an Arabic page from the dateline under its headline', () => {
    const meta = extract('', '<article><h1>عنوان الخبر</h1><div class="meta">الخميس ٩ يوليو ٢٠٢٠ - ١٠:٣٠ ص</div><p>نص.</p></article>', 'https://news.example.com/ar/story', 'ar');
    expect(meta.publishedDate).toBe('2020-07-09');
  });

  it('dates a Persian page from its Solar Hijri date', () => {
    const meta = extract('', '<article><h1>عنوان خبر</h1><span class="date">۱۹ تیر ۱۳۹۹ - ۱۰:۳۰</span><p>متن.</p></article>', 'https://news.example.com/fa/story', 'fa');
    expect(meta.publishedDate).toBe('2020-07-09');
  });
});
