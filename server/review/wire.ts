/** The review API's request and response shapes (in the OpenAPI document). */
import { z } from '@hono/zod-openapi';
import { ReviewState } from '../../src/core/draft.ts';
import { LIST_FIELDS, SINGLE_FIELDS, TEXT_FIELDS } from '../../src/core/sync/ops.ts';
import { SyncDraft } from '../../src/core/sync/state.ts';
import { storableText } from '../text-check.ts';

const Revision = z.number().int().nonnegative().meta({ description: 'The draft\'s `rev` (sync version) the decision was made on.' });

export const Claim = z
  .object({ userId: z.string(), name: z.string(), claimedAt: z.string(), expiresAt: z.string() })
  .meta({ id: 'ReviewClaim', description: 'A reviewer\'s live lease on the draft (null when none or expired).' });

export const ReviewStatus = z
  .object({
    draftId: z.uuid(),
    state: ReviewState,
    revision: z.number().int().nonnegative(),
    ownerId: z.string(),
    title: z.string(),
    submittedAt: z.string().nullable(),
    updatedAt: z.string(),
    claim: Claim.nullable(),
    publishedId: z.string().nullable(),
    openComments: z.number().int().nonnegative(),
  })
  .meta({ id: 'ReviewStatus' });
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewEvent = z
  .object({
    draftId: z.uuid(),
    action: z.enum(['transition', 'claim', 'release', 'reopen']),
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

export const TransitionRequest = z
  .strictObject({
    to: z.enum(['submitted', 'changes_requested', 'approved', 'rejected', 'published', 'withdrawn']),
    revision: Revision,
    reason: z.string().trim().min(1).max(5_000).optional(),
  })
  .meta({ id: 'ReviewTransitionRequest' });

export const ClaimRequest = z.strictObject({ revision: Revision }).meta({ id: 'ReviewClaimRequest' });

export const ReviewDraft = z
  .object({ status: ReviewStatus, draft: SyncDraft, events: z.array(ReviewEvent) })
  .meta({ id: 'ReviewDraft', description: 'Every field, source and quote (with any evidence hashes), the review state and its audit trail.' });

export const QueueQuery = z.object({
  state: z
    .string()
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .transform((list) => list.split(','))
    .pipe(z.array(ReviewState))
    .optional()
    .meta({ description: 'One state or several, comma-separated (default: submitted,in_review).' }),
  claimed: z.enum(['me', 'none', 'any']).default('any'),
  provider: z.string().max(200).refine(...storableText).optional(),
  code: z.string().max(50).refine(...storableText).optional(),
  severity: z.string().max(10).refine(...storableText).optional(),
  minAgeHours: z.coerce.number().nonnegative().optional(),
  maxAgeHours: z.coerce.number().nonnegative().optional(),
  order: z.enum(['oldest', 'newest']).default('oldest'),
  offset: z.coerce.number().int().nonnegative().max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type QueueQuery = z.infer<typeof QueueQuery>;

export const QueuePage = z
  .object({
    items: z.array(ReviewStatus),
    total: z.number().int().nonnegative().meta({ description: 'Drafts matching the filters.' }),
    counts: z.record(z.string(), z.number().int().nonnegative()).meta({ description: 'Drafts in review per state (every state but draft), before filters.' }),
    nextOffset: z.number().int().nonnegative().nullable(),
  })
  .meta({ id: 'ReviewQueuePage' });

export const ANCHOR_FIELDS = [...SINGLE_FIELDS.filter((f) => f !== 'reviewState'), ...TEXT_FIELDS, ...LIST_FIELDS] as const;

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

export const Comment = z
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
export type Comment = z.infer<typeof Comment>;

export const ResolveRequest = z.strictObject({ resolved: z.boolean() }).meta({ id: 'ReviewResolveRequest' });
