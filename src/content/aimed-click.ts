/**
 * Whether a click on in-page UI is one a person aimed at it. A page can restyle or move our host
 * element (it is in the page's DOM), lay its own content over it, or fire synthetic events; any of
 * those makes a click count for nothing.
 */

/** Shorter than this after the button appeared, a click was already on its way to something else. */
export const MIN_VISIBLE_MS = 350;

interface VisibilityEntry {
  isVisible?: boolean;
}

/**
 * Tracks the host with Intersection Observer v2, which reports an element as visible only when nothing
 * covers it and no opacity, filter or transform hides it. Where the browser lacks v2, `isVisible` is
 * undefined and the click-time checks below still apply.
 */
export function watchVisibility(host: HTMLElement, win: Window & typeof globalThis) {
  let visible: boolean | undefined;
  let shownAt = Number.POSITIVE_INFINITY;
  const observer = new win.IntersectionObserver(
    (entries) => {
      const last = entries[entries.length - 1] as IntersectionObserverEntry & VisibilityEntry;
      visible = last.isVisible ?? last.isIntersecting;
    },
    { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  return {
    start() {
      visible = undefined;
      shownAt = win.performance.now();
      // Observing afresh makes the observer report the current state, even if nothing changed since last time.
      observer.unobserve(host);
      observer.observe(host);
    },
    stop() {
      observer.unobserve(host);
      shownAt = Number.POSITIVE_INFINITY;
    },
    /** `false` once the observer saw the host covered or hidden; `undefined` before its first report. */
    get visible() {
      return visible;
    },
    get shownFor() {
      return win.performance.now() - shownAt;
    },
  };
}

/** Opacity of the element and every ancestor multiplied, and whether any of them filters or hides it. */
function effectivelyOpaque(element: Element, win: Window): boolean {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = win.getComputedStyle(node);
    opacity *= Number.parseFloat(style.opacity);
    if (style.visibility !== 'visible' || style.filter !== 'none' || style.mixBlendMode !== 'normal') return false;
  }
  return opacity >= 0.95;
}

/**
 * `aimed`: act on it. `too-soon`: the button (or its menu) appeared under a click already on its way;
 * ignore it quietly. `refused`: the page hid, covered, moved or faked the button.
 */
export function judgeClick(event: MouseEvent, host: HTMLElement, visibility: ReturnType<typeof watchVisibility>): 'aimed' | 'too-soon' | 'refused' {
  const win = host.ownerDocument.defaultView;
  if (!event.isTrusted || !win || !host.isConnected) return 'refused';
  if (visibility.shownFor < MIN_VISIBLE_MS) return 'too-soon';
  if (visibility.visible === false || !effectivelyOpaque(host, win)) return 'refused';
  // A keyboard activation (detail 0) has no point to test; a pointer click must land on our host first.
  if (event.detail === 0) return 'aimed';
  return host.ownerDocument.elementsFromPoint(event.clientX, event.clientY)[0] === host ? 'aimed' : 'refused';
}
