/** What the capture script returns for one selection on one page. Parsed by the worker: it is page-controlled data. */
import { z } from 'zod';
import { ClipSelectors, MAX_QUOTE_CHARS, SourceMetadata } from './draft.ts';
import { MAX_PAGE_TEXT_CHARS } from './limits.ts';

export const PageCapture = z.strictObject({
  metadata: SourceMetadata,
  /** The selection as the editor saw it (Selection.toString()). */
  quote: z.string().max(MAX_QUOTE_CHARS),
  selectors: ClipSelectors.nullable(),
  /** The page's main text at capture, kept (compressed, hashed) as evidence of what the page said. */
  pageText: z.string().max(MAX_PAGE_TEXT_CHARS).optional(),
});
export type PageCapture = z.infer<typeof PageCapture>;

/** Why a capture produced no clip; each reason maps to a message the editor can act on. */
export const CaptureFailure = z.strictObject({
  failure: z.enum(['empty-selection', 'selection-too-long', 'not-in-page']),
  length: z.number().int().optional(),
});
export type CaptureFailure = z.infer<typeof CaptureFailure>;

export const CaptureOutcome = z.union([PageCapture, CaptureFailure]);
export type CaptureOutcome = z.infer<typeof CaptureOutcome>;

export function explainCaptureFailure(failure: CaptureFailure): string {
  switch (failure.failure) {
    case 'empty-selection':
      return 'Nothing is selected. Select the passage to quote, then clip again.';
    case 'selection-too-long':
      return `The selection is ${failure.length?.toLocaleString('en') ?? 'too many'} characters; a quote holds at most ${MAX_QUOTE_CHARS.toLocaleString('en')}. Select a shorter passage.`;
    case 'not-in-page':
      return 'The selection is not part of the page text (it may be inside a form field). Select text on the page itself.';
  }
}

export function isCaptureFailure(outcome: CaptureOutcome): outcome is CaptureFailure {
  return 'failure' in outcome;
}

export const ANCHOR_STATES = ['anchored', 'changed', 'orphan'] as const;
export const AnchorReport = z.strictObject({ id: z.uuid(), state: z.enum(ANCHOR_STATES) });
export type AnchorReport = z.infer<typeof AnchorReport>;
