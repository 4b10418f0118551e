/**
 * The page's own article, as far as credits go: not a comment, a sidebar or a widget
 * (dates/regions.ts), not a teaser card of another article, not a photo's or a video's caption.
 */
import { headlineOf, inForeignRegion } from './dates/regions.ts';
import type { Page } from './page.ts';

const COMMENT_AREA = /comment|kommentar|reply|respond/i;
const HEADINGS = 'h1, h2, h3, h4, h5, h6';
/** A teaser card is a headline, a byline and a line or two of text; an article's body is longer. */
const MAX_CARD_TEXT = 1_000;
const MAX_LEVELS = 10;

const textLength = (element: Element): number => (element.textContent ?? '').replace(/\s+/g, ' ').length;

/** "https://www.example.com/story/" and "http://example.com/story" are one address. */
const comparable = (url: string): string => url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/[?#].*$/, '').replace(/\/+$/, '');

/** A heading that links somewhere else: not the page's own title linked to its permalink. */
function linksElsewhere(heading: Element, pageUrl: string): boolean {
  const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
  if (!link || link.getAttribute('rel')?.includes('bookmark')) return false;
  try {
    return comparable(new URL(link.getAttribute('href')!, pageUrl).href) !== comparable(pageUrl);
  } catch {
    return true; // a malformed address is no link to this page
  }
}

/**
 * A card of another article: the nearest block around the element that has a heading has just one,
 * links it to another page ("<h2><a>Other story</a></h2> by Ben Popper") and is short. An author
 * box ("<h4>About the author</h4>") has a heading too, but not one that links to another article.
 */
function inTeaserCard(element: Element, headline: Element | null, pageUrl: string): boolean {
  let node = element.parentElement;
  for (let level = 0; node && level < MAX_LEVELS; level++, node = node.parentElement) {
    if (headline && node.contains(headline)) return false;
    // A name set in a heading of its own ("<a rel=author><h2>Ursula Baatz</h2></a>") is no teaser's headline.
    const headings = [...node.querySelectorAll(HEADINGS)].filter((heading) => !heading.contains(element) && !element.contains(heading));
    if (headings.length === 0) continue;
    // Several headings: a list of cards, or an article with its sub-headings, and the element outside the cards.
    return headings.length === 1 && linksElsewhere(headings[0]!, pageUrl) && textLength(node) <= MAX_CARD_TEXT;
  }
  return false;
}

/**
 * A test of whether an element credits the page's own article, not a comment, a teaser, a sidebar or a
 * picture. `regions: false` keeps sidebars and widgets: author markup there (a blog's profile box)
 * names the blog's writer, and some CMSs wrap the whole post in a "widget".
 */
export function ownCreditTest(page: Page, { regions = true } = {}): (element: Element) => boolean {
  const headline = headlineOf(page.root);
  return (element) => {
    if (COMMENT_AREA.test(element.getAttribute('class') ?? '')) return false;
    if (element.closest('[class*="comment" i], [id*="comment" i], figure, figcaption')) return false;
    return !(regions && inForeignRegion(element, headline)) && !inTeaserCard(element, headline, page.pageUrl);
  };
}

/** The elements matching `selector`, among its first `limit`, that credit the page's own article. */
export function ownElements(page: Page, selector: string, limit: number, options: { regions?: boolean } = {}): Element[] {
  return [...page.root.querySelectorAll(selector)].slice(0, limit).filter(ownCreditTest(page, options));
}
