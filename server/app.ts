/** The Hono application: middleware order, routes, the OpenAPI document. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';
import { API_VERSION, IDEMPOTENCY_HEADER } from '../src/core/contract.ts';
import { ADMIN_USERS_PATH } from './admin.ts';
import { requireAdmin, requireUser, type AppEnv } from './auth.ts';
import { limitBody } from './body-limit.ts';
import { corsFor } from './cors.ts';
import type { Database } from './db/index.ts';
import { ApiProblem, handleError, notFound, sendProblem, zodFields } from './errors.ts';
import { limiterFor, rateLimit } from './rate-limit.ts';
import { refuseUnstorableText } from './text-check.ts';
import type { App } from './routes/common.ts';
import { registerAdmin } from './routes/admin.ts';
import { registerHealth } from './routes/health.ts';
import { registerMe } from './routes/me.ts';
import { registerReview, REVIEW_PATHS } from './routes/review.ts';
import { registerSources } from './routes/sources.ts';
import { registerSubmissions } from './routes/submissions.ts';
import { registerSync } from './routes/sync.ts';
import { registerTaxonomy } from './routes/taxonomy.ts';
import { registerUsers } from './routes/users.ts';

export interface AppOptions {
  db: Database;
  log: Logger;
  rateLimitPerMinute: number;
  /** Unknown-token requests allowed per client address and minute (0: no limit). */
  authFailuresPerMinute: number;
  bodyLimitBytes: number;
  /** Extra origins allowed by CORS besides browser extensions. */
  corsOrigins: string[];
  /** Enables `POST /admin/users` for this token (a PGlite server on disk; see admin.ts). */
  adminToken?: string;
  /** The review service's clock (claims expire by it); tests inject one. */
  clock?: () => Date;
}

/**
 * Paths that need a bearer token (everything under /v1 except the taxonomy and the OpenAPI document).
 * Hono's `/x/*` also matches `/x` itself: listing both would check the token and take from the rate limit twice.
 */
const PROTECTED_PATHS = ['/v1/me', '/v1/submissions/*', '/v1/sources', '/v1/users', '/v1/sync/*', ...REVIEW_PATHS];

const VALIDATION_MESSAGES: Record<string, string> = {
  json: 'The request body is not valid.',
  header: `The ${IDEMPOTENCY_HEADER} header is missing or not valid.`,
  query: 'The query parameters are not valid.',
  param: 'The path is not valid.',
};

export function createApp(options: AppOptions): App {
  const { db, log } = options;
  const app: App = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const fields = zodFields(result.error).map((field) =>
        result.target === 'header' && field.path === 'idempotency-key' ? { ...field, path: IDEMPOTENCY_HEADER } : field,
      );
      const code = result.target === 'header' ? 'invalid_idempotency_key' : 'validation_failed';
      return sendProblem(c, new ApiProblem(400, code, VALIDATION_MESSAGES[result.target] ?? 'The request is not valid.', fields));
    },
  });

  app.use(
    '*',
    createMiddleware(async (c, next) => {
      const started = performance.now();
      await next();
      log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
    }),
  );
  app.use('*', corsFor(options.corsOrigins));
  app.use(
    '*',
    limitBody(options.bodyLimitBytes, (c) => {
      // The rest of the body is not read: close the connection so the client does not reuse it mid-body.
      c.header('Connection', 'close');
      return sendProblem(c, new ApiProblem(413, 'payload_too_large', `The request body is larger than ${options.bodyLimitBytes} bytes.`));
    }),
  );
  // One authenticator and one limiter for all protected paths: the bucket is per token, not per route.
  const failures = limiterFor(options.authFailuresPerMinute);
  const authenticate = requireUser(db, failures);
  const limit = rateLimit(limiterFor(options.rateLimitPerMinute));
  for (const path of PROTECTED_PATHS) app.use(path, authenticate, limit);
  if (options.adminToken) app.use(ADMIN_USERS_PATH, requireAdmin(options.adminToken, failures));
  // After authentication, so a request without a valid token learns nothing about its body.
  app.use('*', refuseUnstorableText);

  const deps = { db, log, rateLimitPerMinute: options.rateLimitPerMinute };
  registerHealth(app, deps);
  registerTaxonomy(app, deps);
  registerMe(app);
  registerSubmissions(app, deps);
  registerSources(app, deps);
  registerUsers(app, deps);
  registerSync(app, deps);
  registerReview(app, { ...deps, clock: options.clock ?? (() => new Date()) });
  if (options.adminToken) registerAdmin(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A token from `npm run server:user -- --name <name> --role editor|reviewer` or `POST /v1/users`.',
  });
  app.doc31(`/${API_VERSION}/openapi.json`, {
    openapi: '3.1.0',
    info: {
      title: 'Incident Archive API',
      version: API_VERSION,
      description:
        'Every error has the shape {error:{code,message,fields:[{path,message}]}}. Timestamps are the server\'s. ' +
        'Text with U+0000 or an unpaired surrogate is refused (400, naming the field).',
    },
  });

  app.notFound(notFound);
  app.onError((error, c) => handleError(error, c, (err) => log.error({ err, method: c.req.method, path: c.req.path }, 'unhandled error')));
  return app;
}
