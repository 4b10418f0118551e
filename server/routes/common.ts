/** Shared pieces of the route definitions. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { ApiError } from '../../src/core/contract.ts';
import type { AppEnv } from '../auth.ts';
import type { Database } from '../db/index.ts';

export interface RouteDeps {
  db: Database;
  log: Logger;
  rateLimitPerMinute: number;
}

export type App = OpenAPIHono<AppEnv>;

const ERROR_DESCRIPTIONS = {
  400: 'Malformed JSON, or the input fails validation (see `fields`)',
  401: 'Missing or unknown bearer token',
  403: 'The token\'s role may not do this',
  404: 'No such resource',
  409: 'The resource is not in a state that allows this (a draft with a live submission sent again with other content or by another user: `draft_already_submitted`)',
  413: 'The body is larger than the limit',
  415: 'The body is not application/json',
  410: 'This route is gone; the message names the one to use instead',
  422: 'The Idempotency-Key was already used with a different body, or the draft lacks what the archive requires to submit (`requirements_unmet`, each missing field named in `fields`)',
  429: 'Too many requests for this token; see Retry-After',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ApiError } } }]),
  ) as unknown as { [K in S]: { description: string; content: { 'application/json': { schema: typeof ApiError } } } };
}

export const BEARER = [{ bearerAuth: [] }];

/** Sends a JSON text exactly as given (used to replay stored responses byte for byte). */
export function rawJson(text: string, status: number, headers: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });
}
