/** `POST /admin/users`: the running server creates a user for `npm run server:user` (after `requireAdmin`, see app.ts). */
import { CreateUserRequest } from '../../src/core/contract.ts';
import { ADMIN_USERS_PATH } from '../admin.ts';
import { ApiProblem, zodFields } from '../errors.ts';
import { createUser } from '../users.ts';
import type { App, RouteDeps } from './common.ts';

export function registerAdmin(app: App, { db, log }: RouteDeps): void {
  app.post(ADMIN_USERS_PATH, async (c) => {
    const body = CreateUserRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) throw new ApiProblem(400, 'validation_failed', 'The request body is not valid.', zodFields(body.error));
    const user = await createUser(db, body.data);
    log.info({ userId: user.id, role: user.role, by: 'admin' }, 'user created');
    return c.json(user, 201);
  });
}
