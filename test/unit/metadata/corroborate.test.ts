import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const jsonLd = (published: string, modified?: string) =>
  `<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', datePublished: published, dateModified: modified })}</script>`;

describe('machine publication dates that disagree', () => {
  it('takes the one also printed on the page', () => {
    const head = `${jsonLd('2023-11-03T10:25:56+00:00')}<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">`;
    expect(extract(head, '<h1>H</h1><p>6. November 2023, 15:25 Uhr</p>', undefined, 'de').publishedDate).toBe('2023-11-06');
  });

  it('keeps the cascade\'s choice when it is printed too, or when neither is', () => {
    const head = `${jsonLd('2023-11-03T10:25:56+00:00')}<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">`;
    expect(extract(head, '<h1>H</h1><p>3. November 2023</p><p>6. November 2023</p>', undefined, 'de').publishedDate).toBe('2023-11-03');
    expect(extract(head, '<h1>H</h1><p>Kein Datum</p>', undefined, 'de').publishedDate).toBe('2023-11-03');
  });

  it('never switches to a value written exactly as the modification timestamp', () => {
    const head = `${jsonLd('2017-04-12T18:33:59+02:00', '2020-02-19T15:24:33+01:00')}<meta name="date" content="2020-02-19T15:24:33+01:00">`;
    expect(extract(head, '<h1>H</h1><p>Le 19 février 2020</p>', undefined, 'fr').publishedDate).toBe('2017-04-12');
  });
});

describe('undifferentiated date meta', () => {
  it('ranks below the date printed next to the headline', () => {
    const head = '<meta name="date" content="2020-04-30" scheme="YYYY-MM-DD">';
    const body = `<article><h1>Mietenstreik</h1><ul><li class="Author">Von M. W.</li> <li>29.04.2020, 12:01 Uhr</li></ul><p>${'Text. '.repeat(150)}</p></article>`;
    expect(extract(head, body, 'https://news.example.de/a', 'de').publishedDate).toBe('2020-04-29');
  });

  it('still ranks above a date merely found in a dated-looking element elsewhere', () => {
    const head = '<meta name="date" content="2020-04-30">';
    const body = `<article><h1>H</h1><p>${'Text. '.repeat(150)}</p></article><div class="news-date">01.02.2020</div>`;
    expect(extract(head, body, 'https://news.example.de/a', 'de').publishedDate).toBe('2020-04-30');
  });
});

describe('a visible <time datetime> against an unshown publication meta', () => {
  it('wins when the meta\'s day is printed nowhere on the page', () => {
    const head = '<meta name="og:article:published_time" content="2022-01-15">';
    const body = '<h1>Schneesport mit Rücksicht</h1><ul><li><time datetime="2022-01-25">25.01.2022</time></li></ul><p>Text.</p>';
    const meta = extract(head, body, 'https://news.example.ch/umwelt/schneesport-35334/', 'de');
    expect(meta.publishedDate).toBe('2022-01-25');
    expect(meta.provenance['publishedDate']).toBe('time[datetime] (shown on page)');
  });

  it('does not win over a meta day that is printed too', () => {
    const head = '<meta property="article:published_time" content="2022-01-15T08:00:00+01:00">';
    const body = '<h1>H</h1><p>15.01.2022</p><div><time datetime="2022-01-25">25.01.2022</time></div>';
    expect(extract(head, body, 'https://news.example.ch/a', 'de').publishedDate).toBe('2022-01-15');
  });
});
