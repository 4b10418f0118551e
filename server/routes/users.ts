/** `POST /v1/users` (reviewer role): adds a user and returns its token, shown once. */
import { createRoute } from '@hono/zod-openapi';
import { CreatedUser, CreateUserRequest } from '../../src/core/contract.ts';
import { requireRole } from '../auth.ts';
import { createUser } from '../users.ts';
import { BEARER, errorResponses, type App, type RouteDeps } from './common.ts';

const route = createRoute({
  method: 'post',
  path: '/v1/users',
  summary: 'Create a user and issue its API token (reviewer role)',
  security: BEARER,
  middleware: [requireRole('reviewer')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateUserRequest } } } },
  responses: {
    201: { description: 'The new user and its token (the archive keeps only a hash)', content: { 'application/json': { schema: CreatedUser } } },
    ...errorResponses(400, 401, 403, 413, 415, 429),
  },
});

export function registerUsers(app: App, { db, log }: RouteDeps): void {
  app.openapi(route, async (c) => {
    const user = await createUser(db, c.req.valid('json'));
    log.info({ userId: user.id, role: user.role, by: c.var.user.id }, 'user created');
    return c.json(user, 201);
  });
}
