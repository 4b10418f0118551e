/** What the capture script returns for one selection on one page. Parsed by the worker: it is page-controlled data. */
import { z } from 'zod';
import { ClipSelectors, MAX_QUOTE_CHARS, SourceMetadata } from './draft.ts';
import { MAX_PAGE_TEXT_CHARS } from './limits.ts';
import { formatNumber, t } from '../i18n/i18n.ts';

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
      return t('capture_empty_selection');
    case 'selection-too-long':
      return failure.length === undefined
        ? t('capture_too_long_unmeasured', formatNumber(MAX_QUOTE_CHARS))
        : t('capture_too_long', formatNumber(failure.length), formatNumber(MAX_QUOTE_CHARS));
    case 'not-in-page':
      return t('capture_not_in_page');
  }
}

export function isCaptureFailure(outcome: CaptureOutcome): outcome is CaptureFailure {
  return 'failure' in outcome;
}

export const ANCHOR_STATES = ['anchored', 'changed', 'orphan'] as const;
export const AnchorReport = z.strictObject({ id: z.uuid(), state: z.enum(ANCHOR_STATES) });
export type AnchorReport = z.infer<typeof AnchorReport>;
