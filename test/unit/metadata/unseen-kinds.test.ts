/**
 * The kinds of page that missed on unseen news pages (issue 13): feed wrappers, wiki revisions, a JSON-LD timestamp against the URL, a caption against the dateline.
 */
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

describe('a page reached through a feed redirect', () => {
  it('takes the date from the address it redirects to', () => {
    const meta = extract(
      '<meta http-equiv="refresh" content="0; url=https://news.example.com/2020/07/08/storm-hits-coast/">',
      '<p>Redirecting to <a href="https://news.example.com/2020/07/08/storm-hits-coast/">the story</a>…</p>',
      'https://feeds.example.net/~r/news/~3/AbC123/',
    );
    expect(meta.publishedDate).toBe('2020-07-08');
  });

  it('takes the date from the canonical address when the wrapper URL has none', () => {
    const meta = extract(
      '<link rel="canonical" href="https://news.example.com/2020/07/08/storm-hits-coast/">',
      '<h1>Storm hits coast</h1><p>Text.</p>',
      'https://news.example.com/rss/redirect?id=88',
    );
    expect(meta.publishedDate).toBe('2020-07-08');
  });
});

describe('wiki revision pages', () => {
  const creation = '<script type="application/ld+json">{"@type":"Article","name":"Lake","datePublished":"2005-03-14T10:00:00Z","dateModified":"2020-07-09T14:05:00Z"}</script><meta name="generator" content="MediaWiki 1.35">';

  it('dates a diff by the newer revision shown, not the article’s creation', () => {
    const body = `<h1>Lake: Difference between revisions</h1><table class="diff"><tr>
<td class="diff-otitle" id="mw-diff-otitle1"><strong><a href="#">Revision as of 09:12, 2 July 2020</a></strong></td>
<td class="diff-ntitle" id="mw-diff-ntitle1"><strong><a href="#">Revision as of 14:05, 9 July 2020</a></strong></td></tr></table>`;
    expect(extract(creation, body, 'https://en.wiki.example.org/w/index.php?title=Lake&diff=123&oldid=122').publishedDate).toBe('2020-07-09');
  });

  it('dates an old revision by its revision line', () => {
    const body = '<h1>Lake</h1><div id="mw-revision-info">Revision as of 14:05, 9 July 2020 by <a href="#">Editor</a></div><p>Text.</p>';
    expect(extract(creation, body, 'https://en.wiki.example.org/w/index.php?title=Lake&oldid=123').publishedDate).toBe('2020-07-09');
  });

  it('dates a history page by its latest revision', () => {
    const body = `<h1>Lake: Revision history</h1><ul id="pagehistory">
<li data-mw-revid="123"><a class="mw-changeslist-date" href="#">14:05, 9 July 2020</a> Editor</li>
<li data-mw-revid="122"><a class="mw-changeslist-date" href="#">09:12, 2 July 2020</a> Other</li></ul>`;
    expect(extract(creation, body, 'https://en.wiki.example.org/w/index.php?title=Lake&action=history').publishedDate).toBe('2020-07-09');
  });
});

describe('a JSON-LD timestamp against a URL date', () => {
  it('takes the full timestamp when the URL day differs by one', () => {
    const meta = extract(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote","datePublished":"2020-07-09T01:15:00-04:00"}</script>',
      '<h1>Vote</h1>',
      'https://news.example.com/2020/07/08/vote/',
    );
    expect(meta.publishedDate).toBe('2020-07-09');
  });

  it('keeps the URL date against a UTC timestamp, which says nothing of the local day', () => {
    const meta = extract(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote","datePublished":"2020-07-09T02:25:54Z"}</script>',
      '<h1>Vote</h1>',
      'https://news.example.com/2020/07/08/vote/',
    );
    expect(meta.publishedDate).toBe('2020-07-08');
  });

  it('keeps the URL date against a timestamp days away (a later update written as the publication)', () => {
    const meta = extract(
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote","datePublished":"2020-07-15T01:15:00-04:00"}</script>',
      '<h1>Vote</h1>',
      'https://news.example.com/2020/07/08/vote/',
    );
    expect(meta.publishedDate).toBe('2020-07-08');
  });
});

describe('the dateline under the headline against other dates nearby', () => {
  it('takes the dateline, not the date in a photo caption above it', () => {
    const body = `<article><header><h1>Floods close the valley road</h1>
<figure><img src="a.jpg" alt=""><figcaption>The road on 3 July 2020, before the floods. Photo: Agency</figcaption></figure>
<p class="dateline">9 July 2020</p></header><p>Text.</p></article>`;
    expect(extract('', body).publishedDate).toBe('2020-07-09');
  });

  it('takes the dateline nearest the headline, not an aside printed before it', () => {
    const body = `<article><div><aside>Event: 1 August 2020</aside><h1>Floods close the valley road</h1>
<span>By Ana Ruiz</span> <span>9 July 2020</span></div><p>Text.</p></article>`;
    expect(extract('', body).publishedDate).toBe('2020-07-09');
  });
});
