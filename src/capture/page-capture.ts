/** Reads the editor's selection and the page's metadata off a Document. Pure over the DOM it is given. */
import type { CaptureOutcome } from '../core/capture.ts';
import { MAX_QUOTE_CHARS } from '../core/limits.ts';
import { describeRange } from './describe.ts';
import { extractMetadata } from './metadata/index.ts';
import { mainText } from './main-text.ts';

function selectedRange(selection: Selection | null): Range | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return selection.getRangeAt(0);
}

export function capturePage(doc: Document, selection: Selection | null, pageUrl: string): CaptureOutcome {
  const range = selectedRange(selection);
  const quote = range ? range.toString().trim() : '';
  if (!range || quote === '') return { failure: 'empty-selection' };
  if (quote.length > MAX_QUOTE_CHARS) return { failure: 'selection-too-long', length: quote.length };
  const body = doc.body;
  if (!body || !body.contains(range.commonAncestorContainer)) return { failure: 'not-in-page' };
  let selectors: ReturnType<typeof describeRange> | null;
  try {
    selectors = describeRange(body, range);
  } catch {
    // The quote itself is still worth keeping; it just cannot be re-anchored by position.
    selectors = null;
  }
  return { metadata: extractMetadata(doc, pageUrl), quote, selectors, pageText: mainText(doc) };
}
