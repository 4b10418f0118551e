import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../../src/capture/metadata/index.ts';

function extract(head: string, body = '<h1>Headline</h1><p>Text.</p>', url = 'https://news.example.com/story') {
  const { document } = parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);
  return extractMetadata(document as unknown as Document, url);
}

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('authors', () => {
  it('are not the site or its publisher', () => {
    const meta = extract(
      `<meta property="og:site_name" content="Eurosport Deutschland">${ld({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Eurosport' }, publisher: { '@type': 'Organization', name: 'Eurosport' } })}`,
    );
    expect(meta.authors).toEqual([]);
  });

  it('drop the outlet appended to a name', () => {
    const meta = extract(`<meta property="og:site_name" content="The Washington Post"><meta name="author" content="Spencer S. Hsu, The Washington Post">`);
    expect(meta.authors).toEqual(['Spencer S. Hsu']);
    const forSite = extract(`<meta property="og:site_name" content="SurgeZirc UK"><meta name="author" content="Charles Walton for SurgeZirc UK">`);
    expect(forSite.authors).toEqual(['Charles Walton']);
  });

  it('have HTML entities decoded', () => {
    expect(extract(ld({ '@type': 'NewsArticle', author: { name: 'H&#233;ctor Ruiz' } })).authors).toEqual(['Héctor Ruiz']);
  });

  it('are found through a JSON-LD reference to a Person node', () => {
    const graph = {
      '@graph': [
        { '@type': 'Article', author: { '@id': 'https://news.example.com/#/person/1' } },
        { '@type': 'Person', '@id': 'https://news.example.com/#/person/1', name: 'Luis Holuch' },
      ],
    };
    expect(extract(ld(graph)).authors).toEqual(['Luis Holuch']);
  });

  it('are read from a byline when nothing declares them', () => {
    expect(extract('', '<h1>Headline</h1><div class="byline">By Emily Burack 8 January 2020, 3:51 pm</div>').authors).toEqual(['Emily Burack']);
    expect(extract('', '<h1>Headline</h1><p class="author-line">von Daniel Braun, Davor Pasoski</p>').authors).toEqual(['Daniel Braun', 'Davor Pasoski']);
  });

  it('are not read from the byline of a related article’s teaser', () => {
    const body = '<h1>Headline</h1><p>Text.</p><div class="related"><h3>Other story</h3><span class="byline">Par Stefan Häne, Sylvain Besson</span></div>';
    expect(extract('', body).authors).toEqual([]);
  });

  it('are not a desk, a staff credit or a CMS account', () => {
    expect(extract(`<meta name="author" content="Redaktion">`).authors).toEqual([]);
    expect(extract(`<meta property="og:site_name" content="Politics.co.uk"><meta name="author" content="Politics.co.uk staff">`).authors).toEqual([]);
    expect(extract(`<meta name="author" content="wordpressadmin">`).authors).toEqual([]);
    expect(extract('', '<h1>Headline</h1><div class="byline">By Court ReporterPublished 3rd Nov 2023</div>').authors).toEqual([]);
    expect(extract(`<meta name="author" content="Frank Bueltge - http://bueltge.de">`).authors).toEqual([]);
  });
});

describe('publisher', () => {
  it('is the JSON-LD publisher when og:site_name is a URL: a URL is never a publisher', () => {
    const meta = extract(`<meta property="og:site_name" content="https://www.fr.de">${ld({ '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: 'Frankfurter Rundschau' } })}`);
    expect(meta.publisher).toBe('Frankfurter Rundschau');
    expect(extract(`<meta property="og:site_name" content="tdg.ch/">`).publisher).toBeUndefined();
  });

  it('is found through a JSON-LD reference to the organization', () => {
    const graph = {
      '@graph': [
        { '@type': 'NewsMediaOrganization', '@id': 'https://bernau.example/#organization', name: 'Bernau LIVE' },
        { '@type': 'WebPage', publisher: { '@id': 'https://bernau.example/#organization' } },
      ],
    };
    expect(extract(ld(graph)).publisher).toBe('Bernau LIVE');
  });

  it('loses a tagline when one part of the site name names the host', () => {
    const meta = extract(`<meta property="og:site_name" content="Bernau LIVE - Dein Stadt- und Regionalportal für Bernau">`, undefined, 'https://bernau-live.de/a');
    expect(meta.publisher).toBe('Bernau LIVE');
  });

  it('may be the author: a blogger publishing their own site', () => {
    const graph = {
      '@graph': [
        { '@type': ['Person', 'Organization'], '@id': 'https://helge.example/#me', name: 'Helge Fahrnberger' },
        { '@type': 'Article', author: { '@id': 'https://helge.example/#me' }, publisher: { '@id': 'https://helge.example/#me' } },
      ],
    };
    const meta = extract(`<meta property="og:site_name" content="Helge.example">${ld(graph)}`, undefined, 'https://helge.example/post');
    expect(meta.authors).toEqual(['Helge Fahrnberger']);
  });

  it('is read from the logo when the page declares none', () => {
    const body = '<header><a class="logo" href="/"><img src="/logo.svg" alt="Logo: Bundeskriminalamt (Link zur Startseite)"></a></header><h1>Headline</h1>';
    expect(extract('', body).publisher).toBe('Bundeskriminalamt');
  });

  it('is taken from the title when the title is the headline and the site name', () => {
    const meta = extract('<title>Sur la PMA avec les juristes - Les oreilles loin du front</title>', '<h1>Sur la PMA avec les juristes</h1>');
    expect(meta.title).toBe('Sur la PMA avec les juristes');
    expect(meta.publisher).toBe('Les oreilles loin du front');
  });

  it('is taken from the title when a later heading or the social title is the headline', () => {
    const head = '<title>Paris Couture: Serkan Cura | Modeblick</title><meta property="og:title" content="Paris Couture: Serkan Cura">';
    expect(extract(head, '<h1>Modeblick</h1><h2>Paris Couture: Serkan Cura</h2>', 'https://example.org/paris').publisher).toBe('Modeblick');
    const twoHeadings = '<h1>Modeblick</h1><h1>Paris Couture: Serkan Cura</h1>';
    expect(extract('<title>Paris Couture: Serkan Cura | Modeblick</title>', twoHeadings, 'https://example.org/paris').publisher).toBe('Modeblick');
  });

  it('is the title’s last part when that part names the host', () => {
    const page = (title: string) => extract(`<title>${title}</title>`, '<h1>Kids at work</h1>', 'https://www.pronats.de/kinder/');
    expect(page('Kinder und Arbeit » ProNATs e.V.').publisher).toBe('ProNATs e.V.');
    expect(page('Kinder und Arbeit » Themen').publisher).toBeUndefined();
    expect(page('Kinder und Arbeit - ProNATs Handbook for Teachers 2019').publisher).toBeUndefined();
  });
});

