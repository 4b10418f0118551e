/**
 * The review API's wire shapes (`/v1/review/queue`, `/v1/drafts/{id}`, comments, claim, release, transitions),
 * shared by the extension's review client and the reference server, which lists them in its OpenAPI document.
 */
import { z } from 'zod';
import { ReviewState } from './draft.ts';
import { LIST_FIELDS, SINGLE_FIELDS, TEXT_FIELDS } from './sync/ops.ts';
import { SyncDraft } from './sync/state.ts';

const Revision = z.number().int().nonnegative().meta({ description: 'The draft\'s `rev` (sync version) the decision was made on.' });

export const ReviewClaim = z
  .object({ userId: z.string(), name: z.string(), claimedAt: z.string(), expiresAt: z.string() })
  .meta({ id: 'ReviewClaim', description: 'A reviewer\'s live lease on the draft (null when none or expired).' });
export type ReviewClaim = z.infer<typeof ReviewClaim>;

export const ReviewStatus = z
  .object({
    draftId: z.uuid(),
    state: ReviewState,
    revision: z.number().int().nonnegative(),
    ownerId: z.string(),
    title: z.string(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    claim: ReviewClaim.nullable(),
    publishedId: z.string().nullable(),
    openComments: z.number().int().nonnegative(),
  })
  .meta({ id: 'ReviewStatus' });
export type ReviewStatus = z.infer<typeof ReviewStatus>;

/** `GET /v1/drafts?mine=true`: the author's drafts. */
export const MyDraftList = z.object({ items: z.array(ReviewStatus) });

export const REVIEW_ACTIONS = ['transition', 'claim', 'release', 'reopen'] as const;

export const ReviewEvent = z
  .object({
    draftId: z.uuid(),
    action: z.enum(REVIEW_ACTIONS),
    by: z.string(),
    from: ReviewState,
    to: ReviewState,
    decidedOn: z.number().int().nonnegative(),
    revision: z.number().int().nonnegative().meta({ description: 'The draft\'s revision after this change.' }),
    reason: z.string().nullable(),
    at: z.string(),
    publishedId: z.string().nullable(),
  })
  .meta({ id: 'ReviewEvent', description: 'One entry of the audit trail; a replayed request gets the same entry back.' });
export type ReviewEvent = z.infer<typeof ReviewEvent>;

/** The states a transition may ask for (claiming and releasing have routes of their own). */
export const TRANSITION_TARGETS = ['submitted', 'changes_requested', 'approved', 'rejected', 'published', 'withdrawn'] as const;
export type TransitionTarget = (typeof TRANSITION_TARGETS)[number];

export const TransitionRequest = z
  .strictObject({
    to: z.enum(TRANSITION_TARGETS),
    revision: Revision,
    reason: z.string().trim().min(1).max(5_000).optional(),
  })
  .meta({ id: 'ReviewTransitionRequest' });
export type TransitionRequest = z.input<typeof TransitionRequest>;

export const ClaimRequest = z.strictObject({ revision: Revision }).meta({ id: 'ReviewClaimRequest' });

/** The draft as the latest reviewer's decision saw it: what "changed since the last review" is measured from. */
export const LastReview = z
  .object({ event: ReviewEvent, draft: SyncDraft })
  .meta({ id: 'ReviewLastReview', description: 'The latest decision (changes requested, approved, rejected) and the draft as it was decided on.' });
export type LastReview = z.infer<typeof LastReview>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** What a reviewer can cite and check a quote by. */
export const QuoteEvidence = z
  .object({
    quoteId: z.uuid(),
    sourceId: z.string().nullable(),
    quoteSha256: Sha256.meta({ description: 'SHA-256 (hex) of the quote\'s exact text, UTF-8, as the archive holds it: changes whenever a word of the quote does.' }),
    pageSha256: Sha256.nullable().meta({
      description: 'SHA-256 (hex) of the page\'s main text when it was clipped, as the clipping device recorded it beside the copy it keeps (null when none was recorded).',
    }),
  })
  .meta({ id: 'ReviewQuoteEvidence' });
export type QuoteEvidence = z.infer<typeof QuoteEvidence>;

export const ReviewDraft = z
  .object({
    status: ReviewStatus,
    draft: SyncDraft,
    events: z.array(ReviewEvent),
    /** Null before the first decision (and from an archive that predates it). */
    lastReview: LastReview.nullable().default(null),
    /** One per live quote, in the draft's order (empty from an archive that predates it). */
    evidence: z.array(QuoteEvidence).default([]),
  })
  .meta({ id: 'ReviewDraft', description: 'Every field, source and quote with the evidence hashes of each quote, the review state and its audit trail.' });
export type ReviewDraft = z.infer<typeof ReviewDraft>;

export const QueuePage = z
  .object({
    items: z.array(ReviewStatus),
    total: z.number().int().nonnegative().meta({ description: 'Drafts matching the filters.' }),
    counts: z.record(z.string(), z.number().int().nonnegative()).meta({ description: 'Drafts in review per state (every state but draft), before filters.' }),
    nextOffset: z.number().int().nonnegative().nullable(),
  })
  .meta({ id: 'ReviewQueuePage' });
export type QueuePage = z.infer<typeof QueuePage>;

/** What a comment may be anchored to, besides a quote. */
export const ANCHOR_FIELDS = [...SINGLE_FIELDS.filter((f) => f !== 'reviewState'), ...TEXT_FIELDS, ...LIST_FIELDS] as const;
export type AnchorField = (typeof ANCHOR_FIELDS)[number];

export const CommentRequest = z
  .strictObject({
    body: z.string().trim().min(1).max(20_000),
    parentId: z.uuid().optional(),
    field: z.enum(ANCHOR_FIELDS).optional(),
    quoteId: z.uuid().optional(),
    quotedText: z.string().max(20_000).optional().meta({ description: 'The passage meant (defaults to the whole field or quote).' }),
  })
  .refine((c) => !(c.field && c.quoteId), { message: 'Anchor a comment to a field or a quote, not both.', path: ['quoteId'] })
  .meta({ id: 'ReviewCommentRequest' });
export type CommentRequest = z.input<typeof CommentRequest>;

export const ReviewComment = z
  .object({
    id: z.uuid(),
    draftId: z.uuid(),
    parentId: z.uuid().nullable(),
    authorId: z.string(),
    authorName: z.string(),
    body: z.string(),
    field: z.string().nullable(),
    quoteId: z.uuid().nullable(),
    quotedText: z.string().nullable(),
    revision: z.number().int().nonnegative(),
    createdAt: z.string(),
    outdated: z.boolean().meta({ description: 'The field or quote it is about has changed since (quotedText keeps what it said).' }),
    resolved: z.object({ by: z.string(), at: z.string() }).nullable(),
    replies: z.array(z.uuid()),
  })
  .meta({ id: 'ReviewComment' });
export type ReviewComment = z.infer<typeof ReviewComment>;

export const CommentList = z.object({ comments: z.array(ReviewComment) });

export const ResolveRequest = z.strictObject({ resolved: z.boolean() }).meta({ id: 'ReviewResolveRequest' });
