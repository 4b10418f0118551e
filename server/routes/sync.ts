/** `POST /v1/sync/push` and `POST /v1/sync/pull`: drafts travel between an author's devices and to reviewers. */
import { createRoute } from '@hono/zod-openapi';
import { PullRequest, PullResponse, PushRequest, PushResponse, SeqGapError } from '../../src/core/sync/wire.ts';
import { errorBody } from '../errors.ts';
import { pullChanges, pushOps, SeqProblem } from '../sync/service.ts';
import { BEARER, errorResponses, type App, type RouteDeps } from './common.ts';

const pushRoute = createRoute({
  method: 'post',
  path: '/v1/sync/push',
  summary: 'Send a device\'s ops; each (clientId, seq) is applied exactly once, a retry gets the same results',
  description:
    'Ops apply in seq order in one transaction. Each result is applied, merged (a long text merged three-way), conflict (kept as a conflict row every device sees) or rejected with a reason; a rejected op is acknowledged and never blocks the ops after it. A single-value field applies when unchanged since `baseRev`; a concurrent different value is a conflict, never last-writer-wins.',
  security: BEARER,
  request: { body: { required: true, content: { 'application/json': { schema: PushRequest } } } },
  responses: {
    200: { description: 'Acknowledged through `ackedThrough`, with one result per op sent', content: { 'application/json': { schema: PushResponse } } },
    409: { description: 'A gap in seq (send again from `error.expectedSeq`), or a seq reused for another op', content: { 'application/json': { schema: SeqGapError } } },
    ...errorResponses(400, 401, 403, 413, 415, 422, 429),
  },
});

const pullRoute = createRoute({
  method: 'post',
  path: '/v1/sync/pull',
  summary: 'Drafts changed since a cursor: the author\'s own, and those sent to review for reviewers',
  description:
    'Page with `cursor` until `hasMore` is false. `reset: true` means the cursor is from another epoch or ahead of the archive (it was restored from a backup): pull again from the new cursor and re-send ops after `ackedThrough`.',
  security: BEARER,
  request: { body: { required: true, content: { 'application/json': { schema: PullRequest } } } },
  responses: {
    200: { description: 'One page of changed drafts', content: { 'application/json': { schema: PullResponse } } },
    ...errorResponses(400, 401, 413, 415, 429),
  },
});

export function registerSync(app: App, { db }: RouteDeps): void {
  app.openapi(pushRoute, async (c) => {
    const { clientId, ops } = c.req.valid('json');
    try {
      return c.json(await pushOps(db, c.var.user, clientId, ops), 200);
    } catch (error) {
      if (!(error instanceof SeqProblem)) throw error;
      const body = errorBody(error.code, error.message, error.fields);
      return c.json({ error: { ...body.error, expectedSeq: error.expectedSeq, ackedThrough: error.ackedThrough } }, 409);
    }
  });

  app.openapi(pullRoute, async (c) => c.json(await pullChanges(db, c.var.user, c.req.valid('json')), 200));
}
