/** Creating users and issuing their tokens (used by the CLI, the API and tests). */
import { randomUUID } from 'node:crypto';
import type { Role } from '../src/core/contract.ts';
import { hashToken, newToken } from './auth.ts';
import type { Database } from './db/index.ts';

export interface NewUser {
  id: string;
  name: string;
  role: Role;
  token: string;
}

export async function createUser(db: Database, input: { name: string; role: Role }): Promise<NewUser> {
  const id = randomUUID();
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.query('insert into users (id, name, role) values ($1, $2, $3)', [id, input.name, input.role]);
    await tx.query('insert into api_tokens (token_hash, user_id) values ($1, $2)', [hashToken(token), id]);
  });
  return { id, name: input.name, role: input.role, token };
}
