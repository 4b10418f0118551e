/** `POST /v1/submissions` (idempotent), `GET /v1/submissions/{id}`, and the retired `POST /v1/submissions/{id}/review` (410). */
import { createRoute, z } from '@hono/zod-openapi';
import { IdempotencyKey, Submission, SubmissionRequest } from '../../src/core/contract.ts';
import { ApiProblem } from '../errors.ts';
import { factsOfRequest, requirementsOf, unmetRequirements } from '../review/requirements.ts';
import { SubmissionWriter } from '../submission-writer.ts';
import { getSubmission } from '../submissions.ts';
import { storableText } from '../text-check.ts';
import { BEARER, errorResponses, rawJson, type App, type RouteDeps } from './common.ts';

const IdParam = z.object({
  id: z.string().max(64).refine(...storableText).meta({ param: { name: 'id', in: 'path' }, example: 'INC-000042' }),
});

const createRouteDef = createRoute({
  method: 'post',
  path: '/v1/submissions',
  summary: 'Submit an incident draft (safe to retry with the same Idempotency-Key)',
  description: 'A one-shot submit for API clients: the draft enters the review queue in state submitted (or, when the author already syncs it, their synced copy is submitted). Its INC id is the one the entry keeps once published. A draft lacking what the archive requires to submit (the taxonomy\'s `requiredToSubmit`) gets 422 `requirements_unmet`, each missing field named in `fields`.',
  security: BEARER,
  request: {
    headers: z.object({
      'idempotency-key': IdempotencyKey.meta({
        description: 'A UUID or 8-200 character token, new for each submission and reused for its retries. Kept 30 days.',
      }),
    }),
    body: { required: true, content: { 'application/json': { schema: SubmissionRequest } } },
  },
  responses: {
    200: {
      description:
        'This draft already has a live (not rejected) submission with this same body, sent under another key: that submission. No new one is created.',
      content: { 'application/json': { schema: Submission } },
    },
    201: {
      description: 'Received. A retry with the same key and body returns this same response, byte for byte.',
      content: { 'application/json': { schema: Submission } },
    },
    ...errorResponses(400, 401, 409, 413, 415, 422, 429),
  },
});

const getRouteDef = createRoute({
  method: 'get',
  path: '/v1/submissions/{id}',
  summary: 'A submission\'s status and, once accepted, its archive id',
  security: BEARER,
  request: { params: IdParam },
  responses: {
    200: { description: 'The submission', content: { 'application/json': { schema: Submission } } },
    ...errorResponses(400, 401, 404, 429),
  },
});

const reviewRouteDef = createRoute({
  method: 'post',
  path: '/v1/submissions/{id}/review',
  summary: 'Retired: decide a submission through the review workflow instead (410 Gone)',
  deprecated: true,
  description:
    'Every submission now enters the review workflow, where a decision is taken by the reviewer holding the claim, on a revision, with the audit trail: claim with `POST /v1/drafts/{draftId}/claim`, then `POST /v1/drafts/{draftId}/transitions` (`approved`, `rejected` with a reason, or `changes_requested`), and `published` for the INC id. A decision here could not follow those rules (no claim, no revision), and it did not move the review draft, so the two disagreed: this route answers 410 `gone` naming the routes to use, and changes nothing.',
  security: BEARER,
  request: { params: IdParam },
  responses: errorResponses(400, 401, 410, 429),
});

export function registerSubmissions(app: App, { db }: RouteDeps): void {
  const writer = new SubmissionWriter(db);
  app.openapi(createRouteDef, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    const request = c.req.valid('json');
    // A draft lacking what is required now may still be a retry, or a draft the archive already has: the writer answers those.
    const unmet = unmetRequirements(await requirementsOf(db), factsOfRequest(request));
    const result = await writer.create(c.var.user, key, request, unmet);
    return rawJson(result.body, result.status, {
      Location: `/v1/submissions/${encodeURIComponent(result.submissionId)}`,
      ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
    }) as never;
  });

  app.openapi(getRouteDef, async (c) => {
    const { id } = c.req.valid('param');
    const submission = await getSubmission(db, c.var.user, id);
    if (!submission) throw new ApiProblem(404, 'not_found', `No submission ${id}.`);
    return c.json(submission, 200);
  });

  app.openapi(reviewRouteDef, (c) => {
    const { id } = c.req.valid('param');
    throw new ApiProblem(410, 'gone', `Submissions are decided in the review workflow now: read submission ${id} for its draftId, claim the draft with POST /v1/drafts/{draftId}/claim and decide with POST /v1/drafts/{draftId}/transitions.`);
  });
}
