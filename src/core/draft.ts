/**
 * The incident draft model: the one place that says what a draft is.
 * Every boundary (IndexedDB, runtime messages, HTTP, imports) parses with these schemas.
 */
import { z } from 'zod';
import { MAX_QUOTE_CHARS } from './limits.ts';

export { MAX_QUOTE_CHARS };

export const SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'submitted', 'rejected', 'published', 'withdrawn'] as const;
export const ReviewState = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewState>;

/** A calendar day, `YYYY-MM-DD`. */
export const IsoDay = z.iso.date();
export const IsoDateTime = z.iso.datetime({ offset: true });

export const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_CHARS),
  prefix: z.string().max(1_000),
  suffix: z.string().max(1_000),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z.strictObject({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

export const ClipSelectors = z.strictObject({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type ClipSelectors = z.infer<typeof ClipSelectors>;

/**
 * Where each metadata field came from, e.g. `{ publishedDate: 'json-ld:datePublished' }`.
 * Keys are field names of SourceMetadata.
 */
export const Provenance = z.record(z.string(), z.string().max(200));

/** What the capture script reads off a page about the page itself. */
export const SourceMetadata = z.strictObject({
  /** Canonical URL: tracking parameters and fragment dropped. */
  url: z.url(),
  /** The URL as the editor saw it. */
  originalUrl: z.url(),
  title: z.string().max(2_000).default(''),
  publisher: z.string().max(500).optional(),
  authors: z.array(z.string().max(300)).max(50).default([]),
  language: z.string().max(35).optional(),
  description: z.string().max(5_000).optional(),
  publishedDate: IsoDay.optional(),
  /** The machine timestamp the publication day was read from, as the page wrote it (zone included), when there was one. */
  publishedTimestamp: z.string().max(100).optional(),
  modifiedDate: IsoDay.optional(),
  provenance: Provenance.default({}),
});
export type SourceMetadata = z.infer<typeof SourceMetadata>;

export const Source = SourceMetadata.extend({
  id: z.uuid(),
  accessedAt: IsoDateTime,
});
export type Source = z.infer<typeof Source>;

export const Clip = z.strictObject({
  id: z.uuid(),
  /** The source the quote was taken from: its URL is the quote's URL (see `clipUrl`). */
  sourceId: z.uuid(),
  quote: z.string().min(1).max(MAX_QUOTE_CHARS),
  selectors: ClipSelectors,
  note: z.string().max(20_000).default(''),
  createdAt: IsoDateTime,
  /** SHA-256 (hex) of the page's main text at capture, the copy kept as evidence (src/store/evidence.ts); reviewers see it. */
  evidenceSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** How the quote re-anchored the last time the page was open: still there, changed, or gone. */
  anchor: z
    .strictObject({ state: z.enum(['anchored', 'changed', 'orphan']), checkedAt: IsoDateTime })
    .optional(),
});
export type Clip = z.infer<typeof Clip>;

/** More quotes than this in one draft is an accident (or an attack), not research. */
export const MAX_CLIPS_PER_DRAFT = 2_000;

export const SUBMISSION_STATES = ['queued', 'sending', 'accepted', 'failed'] as const;
export const SubmissionRecord = z.strictObject({
  state: z.enum(SUBMISSION_STATES),
  idempotencyKey: z.uuid(),
  queuedAt: IsoDateTime,
  /** The archive's id for the submission (e.g. `INC-000042`), known once the archive acknowledged it. */
  submissionId: z.string().optional(),
  /** The archive's review of the submission: `received` until a reviewer accepts or rejects it. */
  archiveStatus: z.enum(['received', 'accepted', 'rejected']).optional(),
  /** The published entry's id, once a reviewer accepted the submission. */
  archiveId: z.string().optional(),
  /** Why the last attempt failed, as a `_locales` key and its substitutions, rendered when shown (so in the language shown then). */
  errorMessage: z.strictObject({ key: z.string().max(100), params: z.array(z.string().max(20_000)).max(9) }).optional(),
});
export type SubmissionRecord = z.infer<typeof SubmissionRecord>;

/** The fields of an entry that a draft and the archive's submission body hold alike. */
export const ENTRY_CONTENT = {
  summary: z.string().max(50_000).default(''),
  severity: Severity.optional(),
  announcementDate: IsoDay.optional(),
  incidentDate: IsoDay.optional(),
  rationale: z.string().max(50_000).default(''),
  counterfactual: z.string().max(50_000).default(''),
  codes: z.array(z.string().max(50)).max(200).default([]),
  providers: z.array(z.string().max(200)).max(100).default([]),
  tags: z.array(z.string().max(100)).max(100).default([]),
};

export const Draft = z.strictObject({
  id: z.uuid(),
  title: z.string().max(500).default(''),
  ...ENTRY_CONTENT,
  /** Who deployed the AI system, and who was harmed: for the AI Incident Database export only (not sent to the archive). */
  deployers: z.array(z.string().max(200)).max(100).default([]),
  harmedParties: z.array(z.string().max(200)).max(100).default([]),
  notes: z.string().max(200_000).default(''),
  sources: z.array(Source).max(100).default([]),
  reviewState: ReviewState.default('draft'),
  submission: SubmissionRecord.optional(),
  /**
   * The quotes, oldest first. They live inside their draft: a draft and its quotes are one stored row,
   * written and read together (10,000 drafts import as 10,000 rows, not 60,000).
   */
  clips: z.array(Clip).max(MAX_CLIPS_PER_DRAFT).default([]),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
}).superRefine((draft, context) => {
  const sources = new Set(draft.sources.map((source) => source.id));
  draft.clips.forEach((clip, index) => {
    if (!sources.has(clip.sourceId)) context.addIssue({ code: 'custom', path: ['clips', index, 'sourceId'], message: `Draft ${draft.id} has no source ${clip.sourceId}.` });
  });
});
export type Draft = z.infer<typeof Draft>;
