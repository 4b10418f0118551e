/**
 * Regions of a page whose dates are not the page's own: comments and replies, embedded posts
 * (tweets and Instagram posts are `<blockquote>`s), sidebars, widgets, navigation and lists of
 * related articles. An element is judged by its own and its ancestors' tags, classes and ids.
 * A labelled region that holds the page's headline is a layout wrapper ("has-sidebar"), not a sidebar.
 * An `<aside>` inside an `<article>` belongs to it (often its byline and date); one outside is a sidebar.
 */
const FOREIGN_TAGS = new Set(['NAV', 'BLOCKQUOTE']);
const PAGE_TAGS = new Set(['BODY', 'HTML']);
const FOREIGN_LABEL = /comment|kommentar|reply|replies|antwort|sidebar|widget|related|teaser|navtop|navbar|forum/i;
/** Whole class or id tokens only: "aside-active" or "nav-below-header" describe a layout, not a region. */
const FOREIGN_TOKEN = /(?:^|\s)(?:aside|secondary|nav)(?:\s|$)/i;
const MAX_LEVELS = 12;

/** The page's headline: its `<h1>`, or its first `<h2>` on pages without one. */
export function headlineOf(root: Element): Element | null {
  return root.querySelector('h1') ?? root.querySelector('h2');
}

export function inForeignRegion(element: Element, headline: Element | null): boolean {
  let node: Element | null = element;
  for (let level = 0; node && level < MAX_LEVELS; level++, node = node.parentElement) {
    const tag = node.tagName.toUpperCase();
    if (PAGE_TAGS.has(tag)) return false;
    if (FOREIGN_TAGS.has(tag)) return true;
    if (tag === 'ASIDE' && !node.closest('article')) return true;
    const label = `${node.getAttribute('class') ?? ''} ${node.getAttribute('id') ?? ''}`;
    const labelled = label.length > 1 && (FOREIGN_LABEL.test(label) || FOREIGN_TOKEN.test(label));
    if (labelled && !(headline && node.contains(headline))) return true;
  }
  return false;
}
