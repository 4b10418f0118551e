/** One error shape everywhere: `{error:{code,message,fields:[{path,message}]}}`. No stack trace ever leaves the server. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { ApiError } from '../src/core/contract.ts';

export type FieldError = { path: string; message: string };

/** Thrown by handlers and middleware; turned into the error body by `onError`. */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, fields: FieldError[] = []): ApiError {
  return { error: { code, message, fields } };
}

/** Zod issues as field errors with dotted paths (`sources.0.url`); unknown keys get one entry each. */
export function zodFields(error: z.ZodError, prefix: string[] = []): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields.push({ path: [...base, key].join('.'), message: 'Unknown field.' });
    } else {
      const missing = issue.code === 'invalid_type' && / received undefined$/.test(issue.message);
      fields.push({ path: base.join('.'), message: missing ? 'Required.' : issue.message });
    }
  }
  return fields;
}

const HTTP_CODES: Partial<Record<number, [string, string]>> = {
  400: ['bad_request', 'The request is malformed.'],
  401: ['unauthorized', 'A valid bearer token is required.'],
  403: ['forbidden', 'Your role may not do this.'],
  404: ['not_found', 'No such resource.'],
  405: ['method_not_allowed', 'Method not allowed.'],
  413: ['payload_too_large', 'The request body is too large.'],
  415: ['unsupported_media_type', 'Send the body as application/json.'],
};

export function sendProblem(c: Context, problem: ApiProblem): Response {
  for (const [name, value] of Object.entries(problem.headers)) c.header(name, value);
  return c.json(errorBody(problem.code, problem.message, problem.fields), problem.status);
}

/** `app.onError`: known problems keep their status; anything else is a 500 with a generic message (logged, never sent). */
export function handleError(error: Error, c: Context, log: (error: Error) => void): Response {
  if (error instanceof ApiProblem) return sendProblem(c, error);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    if (status === 400 && /JSON/i.test(error.message)) {
      return sendProblem(c, new ApiProblem(400, 'malformed_json', 'The request body is not valid JSON.'));
    }
    const [code, message] = HTTP_CODES[status] ?? ['http_error', 'The request failed.'];
    return sendProblem(c, new ApiProblem(status, code, message));
  }
  log(error);
  return sendProblem(c, new ApiProblem(500, 'internal', 'The archive failed to handle this request. Try again later.'));
}

export function notFound(c: Context): Response {
  return sendProblem(c, new ApiProblem(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`));
}
