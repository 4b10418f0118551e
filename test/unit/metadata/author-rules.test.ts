import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const authorsOf = (head: string, body = '<h1>Headline</h1><p>Text.</p>', url?: string) => extract(head, body, url).authors;

describe('authors that are not people', () => {
  it('drops a JSON-LD author typed as an organisation, keeping the people beside it', () => {
    const org = { '@type': 'Organization', name: 'OÖ Nachrichtenverlag' };
    expect(authorsOf(ld({ '@type': 'NewsArticle', author: [org] }))).toEqual([]);
    expect(authorsOf(ld({ '@type': 'NewsArticle', author: [{ '@type': 'Person', name: 'Ada Lind' }, org] }))).toEqual(['Ada Lind']);
  });

  it('drops a news agency named alone, and cuts it from a name', () => {
    expect(authorsOf('<meta name="author" content="Reuters">')).toEqual([]);
    expect(authorsOf('<meta name="author" content="Reuters Editorial">')).toEqual([]);
    expect(authorsOf('<meta name="author" content="dpa">')).toEqual([]);
    expect(authorsOf('<meta name="author" content="The Associated Press">')).toEqual([]);
    expect(authorsOf('<meta name="author" content="Jane Roe, AFP">')).toEqual(['Jane Roe']);
    expect(authorsOf('', '<h1>Headline</h1><div class="byline">By Jane Roe and Associated Press</div>')).toEqual(['Jane Roe']);
  });

  it('drops a company by its legal form', () => {
    expect(authorsOf('<meta name="author" content="RS-RegioMediaServices Ltd. &amp; Co. KG">')).toEqual([]);
    expect(authorsOf('<meta name="author" content="Nordsee Medien GmbH">')).toEqual([]);
  });
});

describe('bylines printed without a credit word or a byline class', () => {
  it('reads a name that is all an author element holds', () => {
    expect(authorsOf('', '<h1>Headline</h1><p class="author">Sandra Arm</p><p>Text.</p>')).toEqual(['Sandra Arm']);
    expect(authorsOf('', '<h1>Headline</h1><span class="authorname-txt"><span class="truncate">Anna Fazackerley</span></span>')).toEqual(['Anna Fazackerley']);
  });

  it('does not take a label or a sentence in an author element for a name', () => {
    expect(authorsOf('', '<h1>Headline</h1><div class="author-box">Über unsere Autorinnen und Autoren</div>')).toEqual([]);
    expect(authorsOf('', '<h1>Headline</h1><p class="author">photo</p>')).toEqual([]);
  });

  it('reads a plain "Von …" or "By … and …" line under the headline or after the text', () => {
    expect(authorsOf('', '<h1>Headline</h1><p><img src="a.jpg"> <i>Von Jennifer Patt</i></p><p>Text.</p>')).toEqual(['Jennifer Patt']);
    const after = '<h1>Headline</h1><p>Text.</p><h5>23.01.2019</h5><div class="font-italic">By Urs Gehriger and Florian Schwab</div>';
    expect(authorsOf('', after)).toEqual(['Urs Gehriger', 'Florian Schwab']);
  });

  it('does not read a sentence that starts with "By" as a byline', () => {
    expect(authorsOf('', '<h1>Headline</h1><p>By clicking Accept you agree to Cookies.</p>')).toEqual([]);
    expect(authorsOf('', '<h1>Headline</h1><p>By 2030 the Plan will be Done.</p>')).toEqual([]);
    expect(authorsOf('', '<h1>Headline</h1><p>Text.</p><div class="related"><h3>Other story</h3><p>By Lena Hart</p></div>')).toEqual([]);
  });

  it('reads "Headline by Name" from the title when the page says nothing else', () => {
    const head = '<title>Spring in China von Alexey Kruglov – Foto 26034451 / 500px</title><meta property="og:title" content="Spring in China">';
    expect(authorsOf(head, '<div id="app"></div>')).toEqual(['Alexey Kruglov']);
    expect(authorsOf('<title>Killed by Police – City News</title>', '<h1>Killed by Police</h1>')).toEqual([]);
  });
});

describe('blogs named after their writer', () => {
  it('keeps a person who publishes their own blog under their name', () => {
    const person = { '@type': ['Person', 'Organization'], '@id': 'https://frau-example.de/#person', name: 'Frau Example' };
    const graph = { '@graph': [person, { '@type': 'BlogPosting', author: { '@id': person['@id'] }, publisher: { '@id': person['@id'] } }] };
    const head = `<meta property="og:site_name" content="Frau Example sagt">${ld(graph)}`;
    expect(authorsOf(head, undefined, 'https://frau-example.de/post/')).toEqual(['Frau Example']);
  });

  it('drops an account named like the blog’s own host name', () => {
    expect(authorsOf('<meta name="author" content="SeglerBlog">', undefined, 'https://seglerblog.example.de/post/')).toEqual([]);
    expect(authorsOf('<meta name="author" content="KleineGrüneMonster">', undefined, 'https://kleinegruenemonster.example.com/post/')).toEqual([]);
    expect(authorsOf('<meta name="author" content="CaféCrème">', undefined, 'https://cafecreme.example.com/post/')).toEqual([]);
    expect(authorsOf('<meta name="author" content="John Smith">', undefined, 'https://johnsmith.blogspot.com/2020/01/post.html')).toEqual(['John Smith']);
  });
});

describe('a credit line that is not the page’s byline', () => {
  it('stops at the outlet: the place after it is a dateline, not a second author', () => {
    const head = '<meta property="og:site_name" content="City News">';
    expect(authorsOf(head, '<h1>Headline</h1><p><strong>By Nina Hale, City News, New York</strong></p><p>Text.</p>')).toEqual(['Nina Hale']);
  });

  it('under a sub-heading credits only that section', () => {
    const body = '<h1>Headline</h1><p>Text.</p><h2>A city upended</h2><p><strong>By Nina Hale</strong></p><p>More text.</p>';
    expect(authorsOf('', body)).toEqual([]);
  });
});

describe('names a CMS or an outlet prints where a name belongs', () => {
  it('strips a posting label and drops the placeholder it credits', () => {
    const posted = (name: string) => `<h1>Headline</h1><p>Text.</p><div class="post-author vcard">Eingestellt von <span class="fn">${name}</span></div>`;
    expect(authorsOf('', posted('Unknown'))).toEqual([]);
    expect(authorsOf('', posted('Lena Hart'))).toEqual(['Lena Hart']);
    expect(authorsOf('<meta name="author" content="Posted by Ada Lind">')).toEqual(['Ada Lind']);
  });

  it('takes a CMS field name for no name', () => {
    expect(authorsOf('<meta name="author" content="publisher">')).toEqual([]);
  });

  it('drops the outlet written before the name, and initials standing alone after it', () => {
    const site = '<meta property="og:site_name" content="City News">';
    expect(authorsOf(`${site}<meta name="author" content="City News - Jane Roe">`)).toEqual(['Jane Roe']);
    expect(authorsOf(`${site}<meta name="author" content="City News /PP">`)).toEqual([]);
  });

  it('takes a domain or a profile path for no name', () => {
    expect(authorsOf('<meta name="author" content="symple.ch">')).toEqual([]);
    expect(authorsOf('<meta property="article:author" content="facebook.com/citynews">')).toEqual([]);
  });

  it('takes a staff credit for a desk, even when it does not spell out the site', () => {
    expect(authorsOf('<meta name="author" content="HLNF Staff Report">')).toEqual([]);
  });
});

describe('names the page itself vouches for', () => {
  it('keeps a handle or a first name linked to its own author page', () => {
    const byline = '<span class="author vcard"><a href="https://blog.example.org/author/freeman1984/" rel="author">freeman1984</a></span>';
    expect(authorsOf('', `<h1>Headline</h1><p>von ${byline}</p><p>Text.</p>`)).toEqual(['freeman1984']);
    const first = '<h1>Headline</h1><a class="post-author-name" href="https://blog.example.org/author/matthias/">Matthias</a><p>Text.</p>';
    expect(authorsOf('', first)).toEqual(['Matthias']);
  });

  it('does not take a lone word for a name when nothing links it to an author page', () => {
    expect(authorsOf('', '<h1>Headline</h1><a class="post-author-name" href="https://blog.example.org/about/">Matthias</a><p>Text.</p>')).toEqual([]);
    expect(authorsOf('', '<h1>Headline</h1><a rel="author" href="https://blog.example.org/author/admin/">admin</a><p>Text.</p>')).toEqual([]);
  });

  it('ends a printed credit at the line break: the job title below is not part of the name', () => {
    const body = '<h1>Headline</h1><span class="plainByline">By ANDREW DALTON<br>AP Entertainment Writer</span><p>Text.</p>';
    expect(authorsOf('', body)).toEqual(['ANDREW DALTON']);
  });

  it('reads a credit line worded as "an article by"', () => {
    const body = '<h1>Headline</h1><div class="metaInfo">Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022 - 12:45</div><p>Text.</p>';
    expect(authorsOf('', body)).toEqual(['Pamela Sladky']);
    expect(authorsOf('', '<h1>Headline</h1><p>An article by Lena Hart</p><p>Text.</p>')).toEqual(['Lena Hart']);
  });
});
