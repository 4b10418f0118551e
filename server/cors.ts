/**
 * CORS for browser extensions and the configured origins. A request without an Origin header comes from no
 * browser page (the extension's own requests carry one), so it gets only `Vary: Origin`: hono's cors would
 * also set Access-Control-Expose-Headers before the route runs, and merging that into the route's response
 * turns a response written from a string into a web stream read back chunk by chunk (an eighth of the
 * server's time per submission).
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import { IDEMPOTENCY_HEADER } from '../src/core/contract.ts';

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[A-Za-z0-9-]+$/;

export function corsFor(extraOrigins: string[]): MiddlewareHandler {
  const withCors = cors({
    origin: (origin) => (EXTENSION_ORIGIN.test(origin) || extraOrigins.includes(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', IDEMPOTENCY_HEADER],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: ['Retry-After', 'Location', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return createMiddleware(async (c, next) => {
    if (c.req.header('origin') !== undefined || c.req.method === 'OPTIONS') return withCors(c, next);
    await next();
    // Set on the response itself (c.header would rebuild it): a cache must not give this answer to a page.
    c.res.headers.append('Vary', 'Origin');
  });
}
