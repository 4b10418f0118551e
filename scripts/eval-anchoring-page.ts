/**
 * The part of `eval:anchoring` that runs where the page is parsed: in Node on a happy-dom document, or
 * bundled into headless Chromium on a `DOMParser` document. The same code in both.
 */
import { anchorSelectors, indexText, type AnchorSelectors } from '../src/capture/anchoring/index.ts';

export interface AnchoredLine {
  id: string;
  start: number | null;
  end: number | null;
  text: string | null;
  method: string | null;
}

export interface AnchoringRun {
  lines: AnchoredLine[];
  /** Milliseconds per annotation, the page index (built once) left out. */
  timings: number[];
}

export function anchorAll(body: HTMLElement, annotations: { id: string; selectors: AnchorSelectors }[]): AnchoringRun {
  const index = indexText(body);
  const timings: number[] = [];
  const lines = annotations.map(({ id, selectors }): AnchoredLine => {
    const began = performance.now();
    const anchor = anchorSelectors(body, selectors, index);
    timings.push(performance.now() - began);
    return { id, start: anchor?.start ?? null, end: anchor?.end ?? null, text: anchor ? anchor.range.toString() : null, method: anchor?.method ?? null };
  });
  return { lines, timings };
}

/** In the browser: parses the page with `DOMParser` (no script runs, nothing loads) and anchors on it. */
export function anchorHtml(html: string, annotations: { id: string; selectors: AnchorSelectors }[]): AnchoringRun {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return anchorAll(doc.body, annotations);
}
