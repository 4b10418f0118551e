/**
 * Paints anchored quotes with the CSS Custom Highlight API: the ranges are registered
 * with CSS.highlights and styled by a ::highlight() rule, so the page's DOM is never changed.
 *
 * The registry belongs to the page: its scripts can list it and read each range's text. So an entry
 * exists only while something is painted and the editor can see the tab; a hidden tab holds none
 * (README, "What a hostile page can and cannot do").
 */

export const DEFAULT_HIGHLIGHT_NAME = 'incident-clipper';

interface HighlightApi {
  registry: Map<string, unknown>;
  Highlight: new (...ranges: Range[]) => unknown;
}

/** Looked up on the document's own window: the API may be missing (older browsers, test DOMs). */
function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as { CSS?: { highlights?: HighlightApi['registry'] }; Highlight?: unknown } | null;
  const registry = win?.CSS?.highlights;
  const Highlight = win?.Highlight;
  if (!registry || typeof Highlight !== 'function') return null;
  return { registry, Highlight: Highlight as HighlightApi['Highlight'] };
}

export function isHighlightApiAvailable(doc: Document): boolean {
  return highlightApi(doc) !== null;
}

/** What each document has painted, per name, whether or not it is registered right now. */
const painted = new WeakMap<Document, Map<string, unknown>>();

function register(doc: Document): void {
  const api = highlightApi(doc);
  if (!api) return;
  const visible = doc.visibilityState !== 'hidden';
  for (const [name, highlight] of painted.get(doc) ?? []) {
    if (visible) api.registry.set(name, highlight);
    else api.registry.delete(name);
  }
}

/** Replaces whatever was painted under `name`. Does nothing where the API is missing (check isHighlightApiAvailable). */
export function paintHighlights(doc: Document, ranges: Range[], name: string = DEFAULT_HIGHLIGHT_NAME): void {
  const api = highlightApi(doc);
  if (!api) return;
  if (!painted.has(doc)) {
    painted.set(doc, new Map());
    doc.addEventListener('visibilitychange', () => register(doc));
  }
  const names = painted.get(doc)!;
  if (ranges.length === 0) {
    names.delete(name);
    api.registry.delete(name);
  } else {
    names.set(name, new api.Highlight(...ranges));
    register(doc);
  }
}

export function clearHighlights(doc: Document, name: string = DEFAULT_HIGHLIGHT_NAME): void {
  painted.get(doc)?.delete(name);
  highlightApi(doc)?.registry.delete(name);
}

/** The rule to adopt through a constructed stylesheet. The name must be a plain CSS identifier. */
export function highlightStyleText(name: string = DEFAULT_HIGHLIGHT_NAME): string {
  if (!/^-?[A-Za-z_][\w-]*$/.test(name)) throw new Error(`Not a usable highlight name: ${JSON.stringify(name)}`);
  return `::highlight(${name}) { background-color: rgba(255, 200, 0, 0.4); color: inherit; }`;
}

/**
 * Calls onChange once the page text has settled after a change (single-page apps
 * rewrite content after load). Returns a function that stops watching.
 */
export function watchTextChanges(doc: Document, onChange: () => void, debounceMs = 300): () => void {
  const Observer = doc.defaultView?.MutationObserver ?? globalThis.MutationObserver;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new Observer(() => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  observer.observe(doc.body ?? doc.documentElement, { characterData: true, childList: true, subtree: true });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
}
