import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const article = (inner: string) => `<article><h1>Headline</h1>${inner}<p>${'Body text. '.repeat(80)}</p></article>`;

describe('dates outside the page\'s own content', () => {
  it('skips <time> in comments and embedded posts', () => {
    const comment = '<div class="comment-metadata"><time datetime="2024-03-09T10:00:00Z">9 March 2024</time></div>';
    const tweet = '<blockquote class="twitter-tweet"><time datetime="2024-02-01T10:00:00Z">Feb 1</time></blockquote>';
    const body = `<h1>Headline</h1><p>Published March 3, 2024</p>${tweet}<div class="comments">${comment}</div>`;
    expect(extract('', body).publishedDate).toBe('2024-03-03');
  });

  it('skips sidebars, widgets and related lists, and an <aside> outside the article', () => {
    const sidebar = '<aside class="col-right"><ul><li><time datetime="2024-04-01">1 April 2024</time></li></ul></aside>';
    const related = '<div class="related-posts"><span class="post-date">2024-04-02</span></div>';
    const own = '<p class="entry-date">3 March 2024</p>';
    expect(extract('', `<main>${article(own)}</main>${sidebar}${related}`).publishedDate).toBe('2024-03-03');
  });

  it('keeps an <aside> inside the article and a "has-sidebar" wrapper around the headline', () => {
    const inArticle = article('<aside class="meta"><time datetime="2024-03-03T13:30">03.03.2024</time></aside>');
    expect(extract('', inArticle).publishedDate).toBe('2024-03-03');
    const wrapped = `<div class="layout sidebar">${article('<span class="post-meta-time">March 3, 2024</span>')}</div>`;
    expect(extract('', wrapped).publishedDate).toBe('2024-03-03');
  });

  it('skips a navigation bar showing today\'s date', () => {
    const nav = '<div class="navtop"><span class="mod_datetime"><time datetime="2024-05-01T10:00">1 May 2024</time></span></div>';
    expect(extract('', `<header>${nav}</header><main>${article('<span class="text_datum">3 March 2024.</span>')}</main>`).publishedDate).toBe('2024-03-03');
  });
});
