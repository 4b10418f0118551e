/** The review API's request and response shapes (in the OpenAPI document): shared with the extension, plus the queue's query. */
import { z } from '@hono/zod-openapi';
import { ReviewState } from '../../src/core/draft.ts';
import { storableText } from '../text-check.ts';

export {
  ANCHOR_FIELDS,
  ClaimRequest,
  CommentRequest,
  LastReview,
  QueuePage,
  ResolveRequest,
  ReviewClaim as Claim,
  ReviewComment as Comment,
  ReviewDraft,
  ReviewEvent,
  ReviewStatus,
  TransitionRequest,
} from '../../src/core/review-contract.ts';

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
