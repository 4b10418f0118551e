/**
 * Durability on PGlite: the server (a child process) is killed with SIGKILL while submissions stream in.
 * After a restart on the same data dir, every acknowledged submission is there exactly once, and retrying
 * every attempt with its idempotency key creates no duplicate.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.ts';
import { createUser } from '../../server/users.ts';
import { startChildServer, type ChildServer } from './support/child.ts';
import { submission } from './support/harness.ts';

interface Attempt {
  key: string;
  body: string;
  draftId: string;
  ack?: { id: string; text: string };
}

let root: string;
let dataDir: string;
let token: string;
const attempts: Attempt[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'archive-crash-'));
  dataDir = path.join(root, 'data');
  const db = await openDatabase({ dataDir });
  token = (await createUser(db, { name: 'Crash Tester', role: 'editor' })).token;
  await db.close();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const post = (server: ChildServer, attempt: Attempt) =>
  fetch(`${server.url}/v1/submissions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': attempt.key },
    body: attempt.body,
  });

/** Streams submissions from `workers` loops; SIGKILLs the server once `killAfter` new ones are acknowledged. */
async function streamUntilKilled(server: ChildServer, killAfter: number, workers = 8): Promise<void> {
  let acked = 0;
  let killed = false;
  const worker = async () => {
    while (!killed) {
      const body = submission();
      const attempt: Attempt = { key: randomUUID(), body: JSON.stringify(body), draftId: body.draftId };
      attempts.push(attempt);
      try {
        const response = await post(server, attempt);
        const text = await response.text();
        if (response.status !== 201) throw new Error(`unexpected ${response.status}: ${text}`);
        attempt.ack = { id: (JSON.parse(text) as { id: string }).id, text };
        if (++acked >= killAfter && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      } catch (error) {
        if (!killed) throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  expect(await server.exited).toBe('SIGKILL');
}

it('keeps every acknowledged submission across kill -9 and never duplicates a retried one', async () => {
  const env = { DATA_DIR: dataDir };
  for (const killAfter of [80, 40]) {
    const server = await startChildServer(env);
    await streamUntilKilled(server, killAfter);
  }
  const unacked = attempts.filter((attempt) => !attempt.ack);
  expect(unacked.length, 'the kill should interrupt requests in flight').toBeGreaterThan(0);

  const server = await startChildServer(env);
  try {
    for (const attempt of attempts.filter((a) => a.ack)) {
      const response = await fetch(`${server.url}/v1/submissions/${attempt.ack!.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, attempt.ack!.id).toBe(200);
      expect(await response.text()).toBe(attempt.ack!.text);
    }
    await Promise.all(
      attempts.map(async (attempt) => {
        const response = await post(server, attempt);
        const text = await response.text();
        expect(response.status).toBe(201);
        if (attempt.ack) expect(text).toBe(attempt.ack.text);
      }),
    );
  } finally {
    server.child.kill('SIGTERM');
  }
  expect(await server.exited, 'SIGTERM shuts down cleanly').toBe(0);

  const db = await openDatabase({ dataDir });
  try {
    const rows = await db.query<{ draft_id: string; n: number }>('select draft_id::text, count(*)::int as n from submissions group by draft_id');
    const counts = new Map(rows.map((row) => [row.draft_id, row.n]));
    for (const attempt of attempts) expect(counts.get(attempt.draftId), attempt.draftId).toBe(1);
    expect(rows.length).toBe(attempts.length);
  } finally {
    await db.close();
  }
});
