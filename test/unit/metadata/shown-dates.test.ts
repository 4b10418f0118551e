import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('date elements whose shown date differs from their machine value', () => {
  it('trusts the shown date over an ambiguous machine value', () => {
    const body = '<h1>H</h1><span class="author">Redaktion</span><time datetime="01-11-2023 10:29">1. November 2023 10:29</time>';
    expect(extract('', body, 'https://news.example.at/story', 'de').publishedDate).toBe('2023-11-01');
  });

  it('trusts the shown date over a UTC timestamp of another day', () => {
    const body = '<h1>H</h1><div class="time"><time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></div>';
    expect(extract('', body, 'https://news.example.fr/story', 'fr').publishedDate).toBe('2019-06-29');
  });

  it('keeps the machine value when the element shows no full date', () => {
    const body = '<h1>H</h1><time datetime="2024-03-03T10:00:00+01:00">3 hours ago</time>';
    expect(extract('', body).publishedDate).toBe('2024-03-03');
  });
});

describe('a numeric shown date in the page\'s own day order', () => {
  it('is the machine value with day and month written the other way round, not another day', () => {
    const body = '<h1>H</h1><time class="text-xs" datetime="2023-11-08">08/11/2023 | 20:26 PM</time>';
    const meta = extract('', body, 'https://www.example.ie/news/story');
    expect(meta.publishedDate).toBe('2023-11-08');
    expect(meta.provenance['publishedDate']).toBe('time[datetime]');
  });
});
