/**
 * Where in-page UI goes so that all of it stays inside the viewport: beside the selection's end (its
 * start on right-to-left pages), below it or, without room there, above it; clamped to every edge.
 */
export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MARGIN = 8;
const GAP = 6;

/** The CSS zoom the host inherits (a page may zoom its root); the host undoes it to size itself in real pixels. */
function inheritedZoom(doc: Document): number {
  const zoom = (doc.documentElement as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom;
  return typeof zoom === 'number' && zoom > 0 ? zoom : 1;
}

/** Fixed-position `left`/`top` (and a `zoom` that cancels the page's) for `host`, already in the document. */
export function placeNear(anchor: Rect, host: HTMLElement, doc: Document): Record<string, string> {
  const zoom = inheritedZoom(doc);
  host.style.setProperty('zoom', String(1 / zoom), 'important');
  const { width, height } = host.getBoundingClientRect();
  const viewportWidth = doc.documentElement.clientWidth || doc.defaultView?.innerWidth || 0;
  const viewportHeight = doc.documentElement.clientHeight || doc.defaultView?.innerHeight || 0;
  const rtl = doc.defaultView?.getComputedStyle(doc.body ?? doc.documentElement).direction === 'rtl';
  const clamp = (value: number, size: number, limit: number) => Math.max(MARGIN, Math.min(value, limit - size - MARGIN));
  const left = clamp(rtl ? anchor.left : anchor.right - width, width, viewportWidth);
  const below = anchor.bottom + GAP;
  const top = clamp(below + height <= viewportHeight - MARGIN ? below : anchor.top - GAP - height, height, viewportHeight);
  return { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' };
}
