/** Bearer tokens (random 32 bytes, stored as SHA-256) and role checks. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
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
  // token_user (migration 009): the unrevoked token's user.
  const rows = await db.query<{ id: string; name: string; role: Role }>('select id, name, role from token_user($1)', [tokenHash]);
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
 * Reads the bearer token and resolves it with `lookup`. Each token `lookup` does not know costs the
 * client address one of `failures`' allowance; an address with none left gets 429 before any token it
 * sends is looked up, so guessing stays as slow as the allowance, whatever it guesses.
 */
async function authenticate<T>(c: Context, failures: RateLimiter | null, lookup: (token: string) => Promise<T | null>): Promise<T> {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) throw unauthorized('Send your API token as "Authorization: Bearer <token>".');
  const address = clientAddress(c.env);
  const wait = failures?.wait(address) ?? 0;
  if (wait > 0) {
    throw new ApiProblem(429, 'too_many_failed_logins', `Too many unknown tokens from this address; retry in ${wait} s.`, [], { 'Retry-After': String(wait) });
  }
  const found = await lookup(match[1]!);
  if (found === null) {
    failures?.take(address);
    throw unauthorized('This token is not valid for this archive.');
  }
  return found;
}

/** Requires `Authorization: Bearer <token>` naming a known, unrevoked token; sets `c.var.user`. */
export function requireUser(db: Queryable, failures: RateLimiter | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', await authenticate(c, failures, (token) => findUserByToken(db, token)));
    await next();
  });
}

/** Requires the running server's admin token (see admin.ts), compared in constant time. */
export function requireAdmin(adminToken: string, failures: RateLimiter | null) {
  const expected = createHash('sha256').update(adminToken, 'utf8').digest();
  const matches = (token: string) => timingSafeEqual(createHash('sha256').update(token, 'utf8').digest(), expected);
  return createMiddleware(async (c, next) => {
    await authenticate(c, failures, async (token) => (matches(token) ? true : null));
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
