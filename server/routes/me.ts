/** `GET /v1/me`: who the token belongs to; the extension's "Test connection". */
import { createRoute } from '@hono/zod-openapi';
import { API_VERSION, Me } from '../../src/core/contract.ts';
import { BEARER, errorResponses, type App } from './common.ts';

const route = createRoute({
  method: 'get',
  path: '/v1/me',
  summary: 'The user the bearer token belongs to',
  security: BEARER,
  responses: {
    200: { description: 'This archive and the token\'s user', content: { 'application/json': { schema: Me } } },
    ...errorResponses(401, 429),
  },
});

export function registerMe(app: App): void {
  app.openapi(route, (c) => {
    const { id, name, role } = c.var.user;
    return c.json({ archive: 'incident-archive' as const, apiVersion: API_VERSION, user: { id, name, role } }, 200);
  });
}
