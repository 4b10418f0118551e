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

/** The part of the layout viewport a person sees: all of it, or less when pinch-zoomed in. */
function visibleArea(doc: Document): Rect {
  const width = doc.documentElement.clientWidth || doc.defaultView?.innerWidth || 0;
  const height = doc.documentElement.clientHeight || doc.defaultView?.innerHeight || 0;
  const visual = doc.defaultView?.visualViewport;
  if (!visual) return { left: 0, top: 0, right: width, bottom: height };
  return {
    left: Math.max(0, visual.offsetLeft),
    top: Math.max(0, visual.offsetTop),
    right: Math.min(width, visual.offsetLeft + visual.width),
    bottom: Math.min(height, visual.offsetTop + visual.height),
  };
}

/** Fixed-position `left`/`top` (and a `zoom` that cancels the page's) for `host`, already in the document. */
export function placeNear(anchor: Rect, host: HTMLElement, doc: Document): Record<string, string> {
  const zoom = inheritedZoom(doc);
  host.style.setProperty('zoom', String(1 / zoom), 'important');
  const { width, height } = host.getBoundingClientRect();
  const view = visibleArea(doc);
  const rtl = doc.defaultView?.getComputedStyle(doc.body ?? doc.documentElement).direction === 'rtl';
  const clamp = (value: number, size: number, start: number, end: number) => Math.max(start + MARGIN, Math.min(value, end - size - MARGIN));
  const left = clamp(rtl ? anchor.left : anchor.right - width, width, view.left, view.right);
  const below = anchor.bottom + GAP;
  const top = clamp(below + height <= view.bottom - MARGIN ? below : anchor.top - GAP - height, height, view.top, view.bottom);
  return { left: `${left}px`, top: `${top}px`, right: 'auto', bottom: 'auto' };
}
