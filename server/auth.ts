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

type TokenRow = { token_hash: string; id: string; name: string; role: Role };

/**
 * Resolves bearer tokens to their users, a batch at a time: the lookups asked for while the server reads the
 * requests that arrived together go to the database in one query (token_users, migration 010), sent after the
 * last of them arrived. Nothing is remembered between batches: a token revoked before its request came is refused.
 */
export function tokenLookup(db: Queryable): (token: string) => Promise<AuthUser | null> {
  let batch: { tokenHash: string; resolve(user: AuthUser | null): void; reject(error: unknown): void }[] = [];
  const send = () => {
    const asked = batch;
    batch = [];
    db.query<TokenRow>('select token_hash, id, name, role from token_users($1)', [[...new Set(asked.map((one) => one.tokenHash))]]).then(
      (rows) => {
        const users = new Map(rows.map(({ token_hash: tokenHash, ...user }) => [tokenHash, { ...user, tokenHash }]));
        for (const one of asked) one.resolve(users.get(one.tokenHash) ?? null);
      },
      (error: unknown) => asked.forEach((one) => one.reject(error)),
    );
  };
  return (token) =>
    new Promise((resolve, reject) => {
      if (batch.length === 0) setImmediate(send);
      batch.push({ tokenHash: hashToken(token), resolve, reject });
    });
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
  const findUser = tokenLookup(db);
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('user', await authenticate(c, failures, findUser));
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
