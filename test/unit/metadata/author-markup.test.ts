import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const authorsOf = (head: string, body: string, url?: string) => extract(head, body, url).authors;
const vcard = (name: string, slug = name.toLowerCase()) =>
  `<span class="author vcard"><a class="url fn n" href="/author/${slug}/" rel="author">${name}</a></span>`;

describe('bylines of other articles on the page', () => {
  it('leaves out the authors of teaser cards, each with its own linked headline', () => {
    const card = (title: string, name: string) =>
      `<li class="post-card"><h4><a href="/other/${title}">${title}</a></h4><div class="post-meta">by ${vcard(name)}</div></li>`;
    const body = `<article><h1>Headline</h1><div class="post-meta">by ${vcard('Lena Hart')}</div><p>Text.</p></article>
      <ul>${card('One', 'Ben Okafor')}${card('Two', 'Ana Ruiz')}</ul>`;
    expect(authorsOf('', body)).toEqual(['Lena Hart']);
  });

  it('keeps the byline under the article’s own title linked to its permalink, below a site title in an h1', () => {
    const url = 'https://blog.example.org/a-story';
    const body = `<h1 id="site-title">Example Blog</h1><article><header><div class="entry-meta">by ${vcard('Lena Hart')}</div>
      <h1 class="entry-title"><a href="${url}" rel="bookmark">A story</a></h1></header><p>Text.</p></article>`;
    expect(authorsOf('', body, url)).toEqual(['Lena Hart']);
  });

  it('keeps an author whose name is set in a heading inside the author link', () => {
    const body = '<h1>Headline</h1><div class="author"><a href="/autor/ursula-baatz-1270" rel="author"><div><h2 class="author__name">Ursula Baatz</h2><p>Publizistin</p></div></a></div><p>Text.</p>';
    expect(authorsOf('', body)).toEqual(['Ursula Baatz']);
  });

  it('reads author markup in a post its CMS wraps in a "widget", when the article has none elsewhere', () => {
    const post = '<div class="widget Blog"><h3 class="post-title">A post</h3><span itemprop="author"><a rel="author" href="https://www.blogger.example/profile/1"><span itemprop="name">T. V. Raman</span></a></span></div>';
    expect(authorsOf('', `<h1 class="title"><a href="https://blog.example.com/">Blog name</a></h1>${post}`)).toEqual(['T. V. Raman']);
  });

  it('does not take the credit of a video or a photo for the article’s byline', () => {
    const body = '<h1>Headline</h1><figure><video src="v.mp4"></video><figcaption><i>par <a href="/c">Nina Hale</a></i></figcaption></figure><p>Text.</p>';
    expect(authorsOf('', body)).toEqual([]);
  });
});

describe('names that author markup vouches for', () => {
  it('keeps a handle in a vCard byline, though it is not the slug of the author page', () => {
    const byline = '<span class="byline"><span class="author vcard"><a class="url fn n" href="/author/vinci/">tlow</a></span></span>';
    expect(authorsOf('', `<h1>Headline</h1>${byline}<p>Text.</p>`)).toEqual(['tlow']);
  });

  it('keeps a first name that is part of the host, and a handle that is the whole host label', () => {
    const heiko = `<h1>Headline</h1><span class="byline"> von ${vcard('Heiko')}</span><p>Text.</p>`;
    expect(authorsOf('', heiko, 'https://www.heiko-example.de/laufen/')).toEqual(['Heiko']);
    const creeny = '<meta property="og:site_name" content="Das Leben und ich">';
    expect(authorsOf(creeny, `<h1>Headline</h1><span class="by-author"> von ${vcard('Creeny')}</span>`, 'https://creeny.example.com/2020/post/')).toEqual(['Creeny']);
  });

  it('drops an account holding the site’s whole name, or spelling out its initials', () => {
    expect(authorsOf('', `<h1>Headline</h1><span class="byline">${vcard('Krimiblog-Archiv')}</span>`, 'https://archiv.krimiblog.example/?p=1')).toEqual([]);
    expect(authorsOf('', `<h1>Headline</h1><span class="byline">${vcard('Deutsches Rotes Kreuz')}</span>`, 'https://www.drk.example/presse/1')).toEqual([]);
  });

  it('still drops an account named like the blog itself', () => {
    const head = '<meta property="og:site_name" content="Der SeglerBlog aus Berlin">';
    const body = '<h1>Headline</h1><h4 class="author">von <a class="vcard author"><strong class="fn">SeglerBlog</strong></a> am 23. Februar 2020</h4>';
    expect(authorsOf(head, body, 'https://seglerblog.example.de/post/')).toEqual([]);
  });
});
