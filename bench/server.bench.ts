/**
 * Archive server throughput: `POST /v1/submissions` with a unique Idempotency-Key per request,
 * on PGlite (on disk) and on PostgreSQL (a throwaway local cluster, or DATABASE_URL).
 * The server runs as a child process (`server/main.ts`, logs silent, rate limit off); autocannon drives it over loopback.
 * Baseline, in the same run: a bare INSERT of the same body into a table with a key and a unique column, through
 * the same driver (PGlite, or the node-postgres pool), with as many statements in flight as autocannon's connections.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../server/db/index.ts';
import { createUser } from '../server/users.ts';
import { startChildServer } from '../test/server/support/child.ts';
import { submission } from '../test/server/support/harness.ts';
import { startTempPostgres } from '../test/server/support/postgres.ts';
import { compared, percentile, round, type Figures } from './types.ts';

const DURATION_S = 5;
const CONNECTIONS = 10;

async function measure(env: Record<string, string>, database: { dataDir: string; databaseUrl?: string }) {
  const db = await openDatabase(database);
  const { token } = await createUser(db, { name: 'Bench', role: 'editor' });
  await db.close();
  const server = await startChildServer({ ...env, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent' });
  try {
    // A new draft per request: the archive answers a draft it already has without creating a submission.
    const template = submission();
    const body = JSON.stringify(template);
    const run = (duration: number) =>
      autocannon({
        url: `${server.url}/v1/submissions`,
        method: 'POST',
        connections: CONNECTIONS,
        duration,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: body.replace(template.draftId, randomUUID()),
              headers: { ...request.headers, 'idempotency-key': randomUUID() },
            }),
          },
        ],
      });
    await run(1); // warm-up
    const result = await run(DURATION_S);
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`submissions failed during the benchmark: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    return { rps: result.requests.average, p99: result.latency.p99 };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/** The same body inserted bare, CONNECTIONS statements in flight, for as long as the server was driven. */
async function bareInserts(database: { dataDir: string; databaseUrl?: string }) {
  const db = await openDatabase(database);
  const body = JSON.stringify(submission());
  await db.exec('CREATE TABLE bench_bare_inserts (id bigserial PRIMARY KEY, idempotency_key text NOT NULL UNIQUE, body jsonb NOT NULL)');
  const latencies: number[] = [];
  const insertFor = async (ms: number, record: boolean) => {
    const end = performance.now() + ms;
    const lane = async () => {
      while (performance.now() < end) {
        const began = performance.now();
        await db.query('INSERT INTO bench_bare_inserts (idempotency_key, body) VALUES ($1, $2)', [randomUUID(), body]);
        if (record) latencies.push(performance.now() - began);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, lane));
  };
  try {
    await insertFor(1_000, false); // warm-up
    const began = performance.now();
    await insertFor(DURATION_S * 1_000, true);
    return { rps: latencies.length / ((performance.now() - began) / 1_000), p99: percentile(latencies, 0.99) };
  } finally {
    await db.exec('DROP TABLE bench_bare_inserts');
    await db.close();
  }
}

function figuresFor(name: 'pglite' | 'postgres', server: { rps: number; p99: number }, bare: { rps: number; p99: number }): Figures {
  const what = `bare INSERT of the same body through the same driver, ${CONNECTIONS} in flight`;
  return {
    [`server.submissions.${name}.rps`]: compared(round(server.rps, 0), 'req/s', { value: round(bare.rps, 0), what }, '≥ 0.5×'),
    [`server.submissions.${name}.p99_ms`]: compared(round(server.p99, 1), 'ms', { value: round(bare.p99, 1), what }, name === 'postgres' ? '≤ 50 ms' : undefined),
  };
}

export async function run(): Promise<Figures> {
  const figures: Figures = {};
  const root = await mkdtemp(path.join(tmpdir(), 'archive-bench-'));
  try {
    const dataDir = path.join(root, 'pglite');
    const pglite = await measure({ DATA_DIR: dataDir }, { dataDir });
    const bare = await bareInserts({ dataDir: path.join(root, 'pglite-bare') });
    Object.assign(figures, figuresFor('pglite', pglite, bare));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const postgres = await startTempPostgres();
  try {
    const database = { dataDir: 'memory://', databaseUrl: postgres.url };
    const result = await measure({ DATABASE_URL: postgres.url }, database);
    const bare = await bareInserts(database);
    Object.assign(figures, figuresFor('postgres', result, bare));
  } finally {
    await postgres.stop();
  }
  return figures;
}
