/** Restart, migrations, graceful shutdown, idempotency retention, and no stack traces for clients. */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { openDatabase, type Database } from '../../server/db/index.ts';
import { loadMigrations, migrate } from '../../server/db/migrate.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { startArchiveServer } from '../../server/index.ts';
import { purgeIdempotencyKeys } from '../../server/submissions.ts';
import { submission } from './support/harness.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-life-'));
  dirs.push(dir);
  return dir;
}

it('keeps data across a restart on the same data dir and applies each migration once', async () => {
  const dataDir = await tempDir();
  const first = await startArchiveServer({ port: 0, dataDir, logLevel: 'silent' });
  const { token } = await first.createUser({ name: 'Pat', role: 'editor' });
  const created = await fetch(`${first.url}/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'restart-key-1' },
    body: JSON.stringify(submission()),
  });
  const { id } = (await created.json()) as { id: string };
  await first.close();

  const second = await startArchiveServer({ port: 0, dataDir, logLevel: 'silent' });
  try {
    const again = await fetch(`${second.url}/v1/submissions/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(again.status).toBe(200);
  } finally {
    await second.close();
  }
  const db = await openDatabase({ dataDir });
  try {
    const applied = await db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(applied.map((row) => row.version)).toEqual((await loadMigrations()).map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  } finally {
    await db.close();
  }
});

it('finishes a request in flight when closed, then refuses new connections', async () => {
  const server = await startArchiveServer({ port: 0, dataDir: 'memory://', logLevel: 'silent' });
  const { token } = await server.createUser({ name: 'Slow', role: 'editor' });
  const body = JSON.stringify(submission());
  const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${server.url}/v1/submissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'in-flight-1', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 20));
    // The rest of the body arrives only after close() has begun.
    setTimeout(() => req.end(body.slice(20)), 300);
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const closed = server.close();
  const { status } = await reply;
  expect(status).toBe(201);
  await closed;
  await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
});

it('purges idempotency keys only after 30 days', async () => {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    const userId = '00000000-0000-4000-8000-000000000001';
    await db.query(`insert into users (id, name, role) values ($1, 'Old', 'editor')`, [userId]);
    for (const [key, days] of [['k-29-days', 29], ['k-31-days', 31]] as const) {
      await db.query(
        `insert into idempotency_keys (user_id, key, request_hash, status_code, response_body, created_at)
         values ($1, $2, 'h', 201, '{}', now() - make_interval(days => $3))`,
        [userId, key, days],
      );
    }
    expect(await purgeIdempotencyKeys(db)).toBe(1);
    expect((await db.query<{ key: string }>('select key from idempotency_keys')).map((row) => row.key)).toEqual(['k-29-days']);
  } finally {
    await db.close();
  }
});

it('answers an internal failure with a generic 500 JSON error and no stack trace', async () => {
  const failing: Database = {
    kind: 'pglite',
    query: () => Promise.reject(new Error('relation "secret_table" does not exist at /srv/server/db.ts:42')),
    exec: () => Promise.resolve(),
    transaction: () => Promise.reject(new Error('boom')),
    close: () => Promise.resolve(),
  };
  const logged: unknown[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => logged.push(line) });
  const app = createApp({ db: failing, log, rateLimitPerMinute: 0, authFailuresPerMinute: 0, bodyLimitBytes: 1024, corsOrigins: [] });
  const response = await app.request('/v1/me', { headers: { authorization: 'Bearer ica_anything' } });
  expect(response.status).toBe(500);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String), fields: [] } });
  expect(text).not.toMatch(/secret_table|\/srv\/|at .*\.ts/);
  expect(logged.join('')).toContain('secret_table');
});

it('migration 003 keeps drafts submitted twice before the one-live-submission rule: both stay, the later points at the first', async () => {
  const db = await openPglite('memory://');
  try {
    const all = await loadMigrations();
    await migrate(db, all.filter((m) => m.version < 3));
    const userId = '00000000-0000-4000-8000-000000000002';
    const draftId = '00000000-0000-4000-8000-0000000000d1';
    await db.query(`insert into users (id, name, role) values ($1, 'Twice', 'editor')`, [userId]);
    for (const title of ['First', 'Second']) {
      await db.query(`insert into submissions (draft_id, submitted_by, title, body) values ($1, $2, $3, '{}')`, [draftId, userId, title]);
    }
    expect(await migrate(db, all)).toContain(3);
    const rows = await db.query<{ id: string; title: string; duplicate_of: string | null }>('select id, title, duplicate_of from submissions order by id');
    expect(rows).toEqual([
      { id: 'INC-000001', title: 'First', duplicate_of: null },
      { id: 'INC-000002', title: 'Second', duplicate_of: 'INC-000001' },
    ]);
  } finally {
    await db.close();
  }
});
