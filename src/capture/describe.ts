/** Turns a selection into W3C Web Annotation selectors over `root.textContent` (root = document.body). */
import type { ClipSelectors } from '../core/draft.ts';
import { boundaryOffset } from './anchoring/text-index.ts';

/** Hypothesis and Apache Annotator use 32; markup indentation can make that mostly blanks, so we may take more. */
const MIN_CONTEXT_CHARS = 32;
const MAX_CONTEXT_CHARS = 128;

const isSpace = (char: string | undefined): boolean => char !== undefined && /\s/.test(char);

/** At least 32 characters; more, up to 128, until it holds 32 that are not whitespace. */
function contextBefore(text: string, start: number): string {
  let from = start;
  let nonSpace = 0;
  while (from > 0 && start - from < MAX_CONTEXT_CHARS && (start - from < MIN_CONTEXT_CHARS || nonSpace < MIN_CONTEXT_CHARS)) {
    from--;
    if (!isSpace(text[from])) nonSpace++;
  }
  return text.slice(from, start);
}

function contextAfter(text: string, end: number): string {
  let to = end;
  let nonSpace = 0;
  while (to < text.length && to - end < MAX_CONTEXT_CHARS && (to - end < MIN_CONTEXT_CHARS || nonSpace < MIN_CONTEXT_CHARS)) {
    if (!isSpace(text[to])) nonSpace++;
    to++;
  }
  return text.slice(end, to);
}

/**
 * Selectors for the range's text, with leading and trailing whitespace left out
 * (the captured quote is trimmed the same way). Throws if there is nothing to describe.
 */
export function describeRange(root: Element, range: Range): ClipSelectors {
  if (range.collapsed) throw new Error('Cannot describe a collapsed range: nothing is selected.');
  const text = root.textContent ?? '';
  let start = boundaryOffset(root, range.startContainer, range.startOffset);
  let end = boundaryOffset(root, range.endContainer, range.endOffset);
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  if (start === end) throw new Error('The range holds no text to quote (only whitespace or non-text content).');
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: contextBefore(text, start),
      suffix: contextAfter(text, end),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
