/**
 * Archive server throughput: `POST /v1/submissions` with a unique Idempotency-Key per request,
 * on PGlite (on disk) and on PostgreSQL (a throwaway local cluster, or DATABASE_URL).
 * The server runs as a child process (`server/main.ts`, logs silent, rate limit off); autocannon drives it over loopback.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../server/db/index.ts';
import { createUser } from '../server/users.ts';
import { startChildServer } from '../test/server/support/child.ts';
import { submission } from '../test/server/support/harness.ts';
import { startTempPostgres } from '../test/server/support/postgres.ts';
import { round, type Figures } from './types.ts';

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

export async function run(): Promise<Figures> {
  const figures: Figures = {};
  const root = await mkdtemp(path.join(tmpdir(), 'archive-bench-'));
  try {
    const dataDir = path.join(root, 'pglite');
    const pglite = await measure({ DATA_DIR: dataDir }, { dataDir });
    figures['server.submissions.pglite.rps'] = { value: round(pglite.rps, 0), unit: 'req/s' };
    figures['server.submissions.pglite.p99_ms'] = { value: round(pglite.p99, 1), unit: 'ms' };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const postgres = await startTempPostgres();
  try {
    const result = await measure({ DATABASE_URL: postgres.url }, { dataDir: 'memory://', databaseUrl: postgres.url });
    figures['server.submissions.postgres.rps'] = { value: round(result.rps, 0), unit: 'req/s' };
    figures['server.submissions.postgres.p99_ms'] = { value: round(result.p99, 1), unit: 'ms' };
  } finally {
    await postgres.stop();
  }
  return figures;
}
