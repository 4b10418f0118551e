/** The review queue, claims and state changes. Drafts and their comments: ./drafts.ts. */
import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth.ts';
import { reviewQueue } from '../review/reads.ts';
import { ReviewService, type ReviewOptions } from '../review/service.ts';
import { ClaimRequest, QueuePage, QueueQuery, ReviewEvent, TransitionRequest } from '../review/wire.ts';
import { BEARER, errorResponses, type App, type RouteDeps } from './common.ts';
import { DraftIdParam, registerDrafts } from './drafts.ts';

const queueRoute = createRoute({
  method: 'get',
  path: '/v1/review/queue',
  summary: 'Drafts waiting for review, oldest first, with who holds each claim and counts per state (reviewer role)',
  description: '`claimed=none` lists drafts nobody holds a running claim on; `minAgeHours`/`maxAgeHours` filter on the time since the draft was submitted. Page with `offset` until `nextOffset` is null.',
  security: BEARER,
  middleware: [requireRole('reviewer')] as const,
  request: { query: QueueQuery },
  responses: {
    200: { description: 'One page of the queue', content: { 'application/json': { schema: QueuePage } } },
    ...errorResponses(400, 401, 403, 429),
  },
});

const eventResponse = (description: string) => ({ description, content: { 'application/json': { schema: ReviewEvent } } });

/** Claim and release: a reviewer's request about the lease, decided on a revision. */
const leaseRoute = (action: 'claim' | 'release', summary: string, description: string, answer: string) =>
  createRoute({
    method: 'post',
    path: `/v1/drafts/{id}/${action}`,
    summary,
    description,
    security: BEARER,
    middleware: [requireRole('reviewer')] as const,
    request: { params: DraftIdParam, body: { required: true, content: { 'application/json': { schema: ClaimRequest } } } },
    responses: {
      200: eventResponse(answer),
      ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
    },
  });

const claimRoute = leaseRoute(
  'claim',
  'Claim a submitted draft for review (a lease; reviewer role)',
  'Decided by the archive in one statement: of two concurrent claims one wins, the other gets 409 `already_claimed` naming the holder. The claimant may claim again to renew; a lease that ran out may be taken by anyone. Claiming moves the draft to in_review.',
  'Claimed (the audit entry; the lease shows in the draft\'s status)',
);

const releaseRoute = leaseRoute('release', 'Give a claimed draft back to the queue (the claimant)', 'The draft is submitted again and unclaimed.', 'Released');

const transitionRoute = createRoute({
  method: 'post',
  path: '/v1/drafts/{id}/transitions',
  summary: 'Move a draft to another review state, decided on a revision',
  description:
    'The author submits (from draft, changes_requested or withdrawn) and withdraws (from submitted or changes_requested); the claimant requests changes (with an open comment of theirs), approves or rejects (with a reason); a reviewer who is not the author publishes an approved draft, once: it gets an INC id. Submitting a draft that lacks what the archive requires (`requiredToSubmit` in the taxonomy) gets 422 `requirements_unmet`, each missing field named in `fields`. A `revision` other than the draft\'s current one gets 409 `stale_revision`; the same request sent again gets the same answer.',
  security: BEARER,
  request: { params: DraftIdParam, body: { required: true, content: { 'application/json': { schema: TransitionRequest } } } },
  responses: {
    200: eventResponse('The move, as kept in the audit trail (with the INC id once published)'),
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 429),
  },
});

export function registerReview(app: App, deps: RouteDeps & ReviewOptions): void {
  const review = new ReviewService(deps.db, deps);
  app.openapi(queueRoute, async (c) => c.json(await reviewQueue(deps.db, c.var.user, c.req.valid('query'), review.now()), 200));
  app.openapi(claimRoute, async (c) => c.json(await review.claim(c.var.user, c.req.valid('param').id, c.req.valid('json').revision), 200));
  app.openapi(releaseRoute, async (c) => c.json(await review.release(c.var.user, c.req.valid('param').id, c.req.valid('json').revision), 200));
  app.openapi(transitionRoute, async (c) => {
    const { to, revision, reason } = c.req.valid('json');
    return c.json(await review.transition(c.var.user, c.req.valid('param').id, to, revision, reason), 200);
  });
  registerDrafts(app, deps.db, () => review.now());
}

export const REVIEW_PATHS = ['/v1/review/*', '/v1/drafts/*'];
