/** Bearer tokens (random 32 bytes, stored as SHA-256) and role checks. */
import { createHash, randomBytes } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../src/core/contract.ts';
import type { Queryable } from './db/index.ts';
import { ApiProblem } from './errors.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface AuthUser {
  id: string;
  name: string;
  role: Role;
  tokenHash: string;
}

export type AppEnv = { Variables: { user: AuthUser } };

const TOKEN_PREFIX = 'ica_';

export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function findUserByToken(db: Queryable, token: string): Promise<AuthUser | null> {
  const tokenHash = hashToken(token);
  const rows = await db.query<{ id: string; name: string; role: Role }>(
    `select u.id, u.name, u.role from api_tokens t join users u on u.id = t.user_id
     where t.token_hash = $1 and t.revoked_at is null`,
    [tokenHash],
  );
  const row = rows[0];
  return row ? { ...row, tokenHash } : null;
}

const unauthorized = (message: string) =>
  new ApiProblem(401, 'unauthorized', message, [], { 'WWW-Authenticate': 'Bearer realm="incident-archive"' });

/**
 * The TCP peer's address. Forwarding headers are not trusted: behind a reverse proxy every client
 * shares the proxy's address (and its failure allowance).
 */
function clientAddress(env: unknown): string {
  return (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Requires `Authorization: Bearer <token>` naming a known, unrevoked token; sets `c.var.user`.
 * Each unknown token costs its client address one of `failures`' allowance; an address with none left
 * gets 429 before any token it sends is looked up, so guessing stays as slow as the allowance.
 */
export function requireUser(db: Queryable, failures: RateLimiter | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!match) throw unauthorized('Send your API token as "Authorization: Bearer <token>".');
    const address = clientAddress(c.env);
    const wait = failures?.wait(address) ?? 0;
    if (wait > 0) {
      throw new ApiProblem(429, 'too_many_failed_logins', `Too many unknown tokens from this address; retry in ${wait} s.`, [], { 'Retry-After': String(wait) });
    }
    const user = await findUserByToken(db, match[1]!);
    if (!user) {
      failures?.take(address);
      throw unauthorized('This token is not valid for this archive.');
    }
    c.set('user', user);
    await next();
  });
}

/** After `requireUser`: lets only the given roles through (403 otherwise). */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.user.role)) {
      throw new ApiProblem(403, 'forbidden', `This action needs the ${roles.join(' or ')} role; you are ${c.var.user.role}.`);
    }
    await next();
  });
}
