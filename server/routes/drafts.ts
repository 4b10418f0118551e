/** An author's drafts with their review state, the full read of a draft, and its comments. */
import { createRoute, z } from '@hono/zod-openapi';
import { ReviewState } from '../../src/core/draft.ts';
import type { Database } from '../db/index.ts';
import { addComment, listComments, resolveComment } from '../review/comments.ts';
import { myDrafts, readDraft } from '../review/reads.ts';
import { Comment, CommentRequest, ResolveRequest, ReviewDraft, ReviewStatus } from '../review/wire.ts';
import { BEARER, errorResponses, type App } from './common.ts';

export const DraftIdParam = z.object({ id: z.uuid().meta({ param: { name: 'id', in: 'path' } }) });
const CommentParams = DraftIdParam.extend({ commentId: z.uuid().meta({ param: { name: 'commentId', in: 'path' } }) });

const listRoute = createRoute({
  method: 'get',
  path: '/v1/drafts',
  summary: 'Your own synced drafts with their review state, claim, open comments and INC id once published',
  security: BEARER,
  request: {
    query: z.object({
      mine: z.enum(['true']).default('true').meta({ description: 'Only your own drafts (the only list there is; reviewers use /v1/review/queue).' }),
      offset: z.coerce.number().int().nonnegative().max(1_000_000).default(0),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      state: ReviewState.optional().meta({ description: 'Only your drafts in this review state (e.g. changes_requested), however long ago they changed.' }),
    }),
  },
  responses: {
    200: { description: 'Most recently changed first', content: { 'application/json': { schema: z.object({ items: z.array(ReviewStatus) }) } } },
    ...errorResponses(400, 401, 429),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/v1/drafts/{id}',
  summary: 'A draft in full: every field, its sources and quotes, its review state and audit trail',
  description: 'For its author, and for reviewers once it was submitted. Anyone else gets 404, as if it did not exist.',
  security: BEARER,
  request: { params: DraftIdParam },
  responses: {
    200: { description: 'The draft', content: { 'application/json': { schema: ReviewDraft } } },
    ...errorResponses(400, 401, 404, 429),
  },
});

const listCommentsRoute = createRoute({
  method: 'get',
  path: '/v1/drafts/{id}/comments',
  summary: 'The draft\'s review comments, oldest first, with replies, anchors and whether each is outdated',
  security: BEARER,
  request: { params: DraftIdParam },
  responses: {
    200: { description: 'Every comment', content: { 'application/json': { schema: z.object({ comments: z.array(Comment) }) } } },
    ...errorResponses(400, 401, 404, 429),
  },
});

const addCommentRoute = createRoute({
  method: 'post',
  path: '/v1/drafts/{id}/comments',
  summary: 'Comment on a draft, a field of it or a quote; reply with parentId',
  security: BEARER,
  request: { params: DraftIdParam, body: { required: true, content: { 'application/json': { schema: CommentRequest } } } },
  responses: {
    201: { description: 'The comment', content: { 'application/json': { schema: Comment } } },
    ...errorResponses(400, 401, 404, 413, 415, 429),
  },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/v1/drafts/{id}/comments/{commentId}/resolve',
  summary: 'Mark a comment resolved, or open again',
  security: BEARER,
  request: { params: CommentParams, body: { required: true, content: { 'application/json': { schema: ResolveRequest } } } },
  responses: {
    200: { description: 'The comment', content: { 'application/json': { schema: Comment } } },
    ...errorResponses(400, 401, 404, 413, 415, 429),
  },
});

export function registerDrafts(app: App, db: Database, now: () => Date): void {
  app.openapi(listRoute, async (c) => {
    const { offset, limit, state } = c.req.valid('query');
    return c.json({ items: await myDrafts(db, c.var.user, now(), { offset, limit, state }) }, 200);
  });
  app.openapi(readRoute, async (c) => c.json(await readDraft(db, c.var.user, c.req.valid('param').id, now()), 200));
  app.openapi(listCommentsRoute, async (c) => c.json({ comments: await listComments(db, c.var.user, c.req.valid('param').id) }, 200));
  app.openapi(addCommentRoute, async (c) => c.json(await addComment(db, c.var.user, c.req.valid('param').id, c.req.valid('json'), now()), 201));
  app.openapi(resolveRoute, async (c) => {
    const { id, commentId } = c.req.valid('param');
    return c.json(await resolveComment(db, c.var.user, id, commentId, c.req.valid('json').resolved, now()), 200);
  });
}
