import { describe, expect, it } from 'vitest';
import { docOf, extract } from './helpers.ts';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('title: the headline as the page shows it', () => {
  it('is the <h1> that the <title> holds between the site and the section, not the section heading', () => {
    const body = '<h1 class="hidden">Navigation</h1><h1>Tariffs</h1><h1>New rules for tobacco duty published</h1>';
    const meta = extract('<title>Customs online - Tariffs - New rules for tobacco duty published</title>', body, 'https://www.customs.example/news/1');
    expect(meta.title).toBe('New rules for tobacco duty published');
  });

  it('is the <h1> when the JSON-LD headline agrees with it and the social title words it otherwise', () => {
    const head = `<meta property="og:title" content="Evening prayer led by the envoy of the church, at the memorial church, 11 November">${ld({ '@type': 'Article', headline: 'Evening prayer at the memorial church, 11 November' })}`;
    expect(extract(head, '<h1>Evening prayer at the memorial church, 11 November</h1>').title).toBe('Evening prayer at the memorial church, 11 November');
  });

  it('is a short <h1> that opens the title when the site follows it, not a category heading further in', () => {
    const url = 'https://www.advent-shopping.example/markets.html';
    expect(extract('<title>Market season begins - Advent Shopping - Christmas for all senses</title>', '<h1>Market season begins</h1>', url).title).toBe('Market season begins');
    const category = extract('<title>How we pick the best Christmas markets every year | News | Advent Shopping</title>', '<h1>News</h1><h2>How we pick the best Christmas markets every year</h2>', url);
    expect(category.title).toBe('How we pick the best Christmas markets every year');
  });

  it('drops a date that the social title adds after the headline', () => {
    const meta = extract('<meta property="og:title" content="Rain as seldom seen : 31.10.2023, 10.19 Uhr">', '<h1>Rain as seldom seen</h1><h1>Most read</h1>');
    expect(meta.title).toBe('Rain as seldom seen');
  });

  it('is not the site’s name that its logo links home with, even where that name is longer', () => {
    const body = '<h1><a href="https://www.recipes.example">Love goes through the stomach</a></h1><h2>Liver with apple and onion</h2>';
    const meta = extract('<title>Liver with apple and onion | Love goes through the stomach</title>', body, 'https://www.recipes.example/liver.htm');
    expect(meta.title).toBe('Liver with apple and onion');
    expect(meta.publisher).toBe('Love goes through the stomach');
  });

  it('is the part of the title that the page prints on its own, after a linked kicker', () => {
    const body = '<span class="item"><a href="/topic/3">Club press</a> : Club sets the course for the future</span><a href="/news">News</a>';
    const meta = extract('<title>Fan Club Riverside - Club sets the course for the future - Club press - News</title>', body, 'http://riverside.example/article.php?id=5');
    expect(meta.title).toBe('Club sets the course for the future');
  });

  it('is read from a <title> that stands outside <head>', () => {
    const doc = docOf('<!doctype html><html><title>Maps in your language &#8211; Example Blog</title><body><h2>Maps in your language</h2></body></html>');
    expect(extractMetadata(doc, 'https://blog.example.org/maps').title).toBe('Maps in your language');
  });

  it('loses the site after ‹, › or a CJK joint, which take the place of a pipe', () => {
    expect(extract('<title>Poacher sentenced to the maximum ‹ Wildlife Watch</title>', '<h1>Poacher sentenced to the maximum</h1>').title).toBe('Poacher sentenced to the maximum');
    const cjk = extract('<title>武汉的声音：有英勇的你！-示例网</title>', '<div class="h-title">武汉的声音：有英勇的你！</div><p>正文</p>', 'http://www.shili.example/local/1.htm');
    expect(cjk.title).toBe('武汉的声音：有英勇的你！');
    expect(cjk.publisher).toBe('示例网');
  });
});

describe('publisher: the name the page shows of itself', () => {
  it('is the JSON-LD publisher naming the host, not a section given as og:site_name', () => {
    const head = `<title>Storm closes the harbour - Wirewire</title><meta property="og:site_name" content="U.S.">${ld({ '@type': 'NewsArticle', headline: 'Storm closes the harbour', publisher: { '@type': 'Organization', name: 'Wirewire' } })}`;
    expect(extract(head, '<h1>Storm closes the harbour</h1>', 'https://www.wirewire.example/article/storm').publisher).toBe('Wirewire');
    const brand = `<meta property="og:site_name" content="Morning Bugle">${ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Bugle Media Group' } })}`;
    expect(extract(brand, '<h1>Storm closes the harbour</h1>', 'https://www.morningbugle.example/storm').publisher).toBe('Morning Bugle');
  });

  it('is a blog’s name that its <title> puts before the social title', () => {
    const head = '<title>A Shelf Full Of Sunshine: (News) Fourth interview</title><meta property="og:title" content="(News) Fourth interview">';
    expect(extract(head, '<h3>(News) Fourth interview</h3>', 'https://ashelffullofsunshine.blogspot.example/2013/10/x.html').publisher).toBe('A Shelf Full Of Sunshine');
  });

  it('is the part of the title that names the host, not a section or a tagline after it', () => {
    const ndr = extract('<title>A draw as encouragement | NDR.de - Sport - Football</title>', '<h1>A draw as encouragement</h1>', 'https://www.ndr.example/sport/1.html');
    expect(ndr.publisher).toBe('NDR.de');
    const shop = extract('<title>Market season begins - Advent Shopping - Christmas for all senses</title>', '<h1>Market season begins</h1>', 'https://www.advent-shopping.example/markets.html');
    expect(shop.publisher).toBe('Advent Shopping');
  });

  it('is not a lone part of the title beside a headline the page does not print', () => {
    const meta = extract('<title>Children and work - Teachers handbook 2019</title>', '<h1>Kids at work</h1>', 'https://www.pronats.example/kinder/');
    expect(meta.publisher).toBeUndefined();
  });

  it('is a proper name the page shows rather than a bare domain declared as publisher', () => {
    const head = `<title>Arms for Russia - News - WDR</title>${ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'wdr.example' } })}`;
    expect(extract(head, '<h1>Arms for Russia</h1>', 'https://www1.wdr.example/news/arms.html').publisher).toBe('WDR');
    expect(extract(head, '<h1>Arms for Russia</h1>', 'https://www1.other.example/news/arms.html').publisher).toBe('wdr.example');
  });

  it('keeps the spelling of og:site_name unless that is a handle', () => {
    const jsonLd = (name: string) => ld({ '@type': 'Article', publisher: { '@type': 'Organization', name } });
    expect(extract(`<meta property="og:site_name" content="Report24">${jsonLd('Report 24')}`).publisher).toBe('Report24');
    expect(extract(`<meta property="og:site_name" content="pcgamer">${jsonLd('PC Gamer')}`).publisher).toBe('PC Gamer');
  });

  it('is the name of the page’s own Organization node when no article names a publisher', () => {
    const head = `<title>Blog - A shady spot</title>${ld([{ '@type': 'Organization', name: 'SHADEFORM AG', url: 'https://www.shadeform.example/' }])}`;
    const body = '<h1>A shady spot</h1><footer><img class="payments" src="/pay.png" alt="Visa Mastercard PayPal logos"></footer>';
    const meta = extract(head, body, 'https://www.shadeform.example/blog/spot');
    expect(meta.title).toBe('A shady spot');
    expect(meta.publisher).toBe('SHADEFORM AG');
  });

  it('is read from the logo that links home, cleaned of navigation words, never a slug or "printlogo"', () => {
    const logo = (alt: string, extra = '') => extract('', `<header><a href="/"><img src="/logo.svg" alt="${alt}"></a></header>${extra}<h1>Headline</h1>`, 'https://www.state.example/speech.html');
    expect(logo('Der Bundespräsident (Link zur Startseite)').publisher).toBe('Der Bundespräsident');
    expect(logo('Zurück zur Startseite').publisher).toBeUndefined();
    expect(logo('', '<img class="print" src="/logo-print.png" alt="printlogo"><nav class="brands"><img class="logo" src="/b.png" alt="logo-brand-x"></nav>').publisher).toBeUndefined();
  });

  it('is the logo’s name as the title spells it', () => {
    const body = '<a href="/"><img src="/images/logo.png" alt="Logo der Konrad Adenauer Stiftung"></a><h1>Local elections</h1>';
    expect(extract('<title>Konrad-Adenauer-Stiftung - detail</title>', body, 'https://www.kas.example/detail/1').publisher).toBe('Konrad-Adenauer-Stiftung');
  });

  it('is the holder of a copyright line when it names the host, without years, desk word or legal form', () => {
    const page = (line: string) => extract('', `<h1>Electric cars</h1><footer><p>${line} | <a href="/imprint">Imprint</a></p></footer>`, 'http://www.climate-global.example/cars/');
    expect(page('© 2007 - 2012 by Team CLIMATE GLOBAL').publisher).toBe('CLIMATE GLOBAL');
    expect(page('&copy; 2021 Climate Global GmbH').publisher).toBe('Climate Global');
    expect(page('© 2022 Procter &amp; Gamble. All rights reserved.').publisher).toBeUndefined();
  });

  it('is the publisher tag that agrees with what the page shows, where tags disagree', () => {
    const head = '<meta name="dc.publisher" content="Nature Publishing Group"><meta name="application-name" content="Nature">';
    const body = '<a href="/nature"><img src="/static/nature-logo.svg" alt="Nature"></a><h1>Telescope opens</h1>';
    expect(extract(head, body, 'https://www.nature.example/articles/1').publisher).toBe('Nature');
    expect(extract('<meta name="dc.publisher" content="Nature Publishing Group">', body, 'https://www.nature.example/articles/1').publisher).toBe('Nature Publishing Group');
  });
});
