import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const ld = (value: object) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('a declared author against the printed byline', () => {
  it('prefers the printed name to a login declared in the meta tags', () => {
    const head = '<meta name="dcterms.creator" content="gabor_munier">';
    const body = '<h1>Headline</h1><span>Author: <a href="/autoren/gabor-munier">Gàbor Muniér</a>, Datum: 03.03.19</span><p>Text.</p>';
    expect(extract(head, body).authors).toEqual(['Gàbor Muniér']);
  });

  it('keeps the declared login when the page prints a profile link rather than a name', () => {
    const body = '<h1>Headline</h1><div class="author">von <a href="/user/jesusfreak">Zum Profil von jesusfreak</a></div><p>Text.</p>';
    expect(extract('<meta name="author" content="jesusfreak">', body).authors).toEqual(['jesusfreak']);
  });

  it('keeps the declared login when the page prints no byline', () => {
    expect(extract('<meta name="author" content="lena_hart">', '<h1>Headline</h1><p>Text.</p>').authors).toEqual(['lena_hart']);
  });

  it('takes the printed byline when it names the declared writer and a co-author the JSON-LD left out', () => {
    const head = ld({ '@type': 'NewsArticle', author: { '@type': 'Person', name: 'Elsa Roe' } });
    const both = '<h1>Headline</h1><div class="authors">Elsa Roe et Mickaël Bos</div><p>Text.</p>';
    expect(extract(head, both).authors).toEqual(['Elsa Roe', 'Mickaël Bos']);
    const other = '<h1>Headline</h1><div class="authors">Mickaël Bos</div><p>Text.</p>';
    expect(extract(head, other).authors).toEqual(['Elsa Roe']);
  });

  it('does not take the site’s name with a word more for an author, and reads the byline instead', () => {
    const head = '<meta name="author" content="EFC Bayrische Bembel">';
    const body = '<h1>Headline</h1><span class="itemPoster">Geschrieben von <a href="/userinfo.php?uid=6">Cooper</a></span><p>Text.</p>';
    expect(extract(head, body, 'http://bayrische-bembel.example/news/article.php?id=504').authors).toEqual(['Cooper']);
  });
});

describe('a writer whose site bears their name', () => {
  const person = { '@type': ['Person'], '@id': 'https://janeroe.example/#/person/1', name: 'Jane Roe' };
  const graph = (extra: object) => ld({ '@graph': [person, { '@type': 'BlogPosting', author: { '@id': person['@id'] }, ...extra }] });
  const head = (extra: object = {}) => `<meta property="og:site_name" content="Jane Roe">${graph(extra)}`;

  it('is the author when the page prints her as the byline', () => {
    const body = '<h1>Headline</h1><div class="blog-author-wrapper"><span>Von: </span><span>Jane Roe</span></div><p>Text.</p>';
    expect(extract(head(), body, 'https://janeroe.example/post/').authors).toEqual(['Jane Roe']);
  });

  it('is the author when the JSON-LD makes her the publisher too', () => {
    expect(extract(head({ publisher: { '@id': person['@id'] } }), '<h1>Headline</h1>', 'https://janeroe.example/post/').authors).toEqual(['Jane Roe']);
  });

  it('is not an author when an organisation publishes under that name, though the byline prints it', () => {
    const body = '<h1>Headline</h1><div class="blog-author-wrapper">Von: Jane Roe</div><p>Text.</p>';
    const organisation = { publisher: { '@type': 'Organization', name: 'Jane Roe Media' } };
    expect(extract(head(organisation), body, 'https://janeroe.example/post/').authors).toEqual([]);
  });

  it('is not an author when only the JSON-LD gives the site’s name as a person', () => {
    expect(extract(head(), '<h1>Headline</h1><p>Text.</p>', 'https://janeroe.example/post/').authors).toEqual([]);
  });
});
