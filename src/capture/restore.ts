/** Re-anchors stored clips on the page and paints them, reporting which quotes are there, changed or gone. */
import type { AnchorReport } from '../core/capture.ts';
import type { ClipSelectors } from '../core/draft.ts';
import { anchorSelectors, indexText } from './anchoring/index.ts';
import { highlightStyleText, paintHighlights } from './highlight.ts';

export interface ClipToPaint {
  id: string;
  selectors: ClipSelectors;
}

const styled = new WeakSet<Document>();

/** The ::highlight() rule goes in through a constructed stylesheet: no element is added to the page. */
function ensureHighlightStyle(doc: Document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (styled.has(doc) || !win?.CSSStyleSheet) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(highlightStyleText());
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  styled.add(doc);
}

export function restoreHighlights(doc: Document, clips: ClipToPaint[]): AnchorReport[] {
  const body = doc.body;
  if (!body) return clips.map(({ id }) => ({ id, state: 'orphan' }));
  const index = indexText(body);
  const ranges: Range[] = [];
  const reports = clips.map(({ id, selectors }): AnchorReport => {
    const anchor = anchorSelectors(body, selectors, index);
    if (!anchor) return { id, state: 'orphan' };
    ranges.push(anchor.range);
    return { id, state: anchor.method === 'fuzzy' ? 'changed' : 'anchored' };
  });
  ensureHighlightStyle(doc);
  paintHighlights(doc, ranges);
  return reports;
}
