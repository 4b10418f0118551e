/** `GET /healthz`: 200 when the database answers, 503 otherwise. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorBody } from '../errors.ts';
import type { App, RouteDeps } from './common.ts';
import { ApiError } from '../../src/core/contract.ts';

const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }).meta({ id: 'Health' });

const route = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness and database check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database does not answer', content: { 'application/json': { schema: ApiError } } },
  },
});

export function registerHealth(app: App, { db, log }: RouteDeps): void {
  app.openapi(route, async (c) => {
    try {
      await db.query('select 1');
      return c.json({ status: 'ok' as const, database: db.kind }, 200);
    } catch (error) {
      log.error({ err: error }, 'health check failed');
      return c.json(errorBody('unavailable', 'The database does not answer.'), 503);
    }
  });
}
