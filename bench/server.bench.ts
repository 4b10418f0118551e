/**
 * Archive server throughput: `POST /v1/submissions` with a unique Idempotency-Key per request,
 * on PGlite (on disk) and on PostgreSQL (a throwaway local cluster, or DATABASE_URL).
 * The server runs as a child process (`server/main.ts`, logs silent, rate limit off); autocannon drives it over loopback.
 * Baseline, in the same run: a bare INSERT of the same rows the server stored for one submission (the submission,
 * its sources, the idempotency record with its response, the synced draft, the audit event; copied from what the
 * server wrote, with new ids) into the same tables, one statement per submission, through the same driver (PGlite,
 * or the node-postgres pool of the same size), with as many statements in flight as autocannon's connections.
 * It leaves out what only the product does: HTTP, validation, building the draft, and the sync version counter.
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

interface Database {
  dataDir: string;
  databaseUrl?: string;
}

async function measure(env: Record<string, string>, database: Database) {
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

/** One submission's rows as the server stored them, as text: the bare inserts write copies of them. */
async function storedRows(database: Database) {
  const db = await openDatabase(database);
  try {
    const [row] = await db.query<{ draft_id: string; title: string; body: unknown; request_hash: string; response_body: string; state: unknown; urls: string[] }>(
      `select s.draft_id, s.title, s.body, s.request_hash, k.response_body, d.state,
         array(select url from submission_sources ss where ss.submission_id = s.id order by position) as urls
       from submissions s join idempotency_keys k on k.submission_id = s.id join sync_drafts d on d.id = s.draft_id
       order by s.received_at desc limit 1`,
    );
    if (!row) throw new Error('the server stored no submission to copy');
    return { ...row, body: JSON.stringify(row.body), state: JSON.stringify(row.state) };
  } finally {
    await db.close();
  }
}

const BARE_INSERT = `with s as (
    insert into submissions (draft_id, submitted_by, title, body, request_hash) values ($1, $2, $3, $4, $5) returning id
  ), src as (
    insert into submission_sources (submission_id, position, url) select s.id, u.ord - 1, u.url from s, unnest($6::text[]) with ordinality as u(url, ord)
  ), k as (
    insert into idempotency_keys (user_id, key, request_hash, status_code, response_body, submission_id) select $2, $7, $5, 201, $8, s.id from s
  ), d as (
    insert into sync_drafts (id, owner_id, review_state, version, updated_by, updated_at, state, submitted_at)
    values ($1, $2, 'submitted', $9, $2, now(), $10, now()) returning id
  )
  insert into review_events (draft_id, actor_id, action, from_state, to_state, decided_on, new_version, reason)
  select d.id, $2, 'transition', 'draft', 'submitted', $9, $9, 'bench' from d`;

/** The same rows inserted bare, CONNECTIONS statements in flight, for as long as the server was driven. */
async function bareInserts(database: Database, rows: Awaited<ReturnType<typeof storedRows>>) {
  const db = await openDatabase(database);
  const { id: userId } = await createUser(db, { name: 'Bench bare', role: 'editor' });
  let version = 1_000_000_000;
  const insert = () => {
    const draftId = randomUUID();
    const state = rows.state.replaceAll(rows.draft_id, draftId);
    const body = rows.body.replace(rows.draft_id, draftId);
    return db.query(BARE_INSERT, [draftId, userId, rows.title, body, rows.request_hash, rows.urls, randomUUID(), rows.response_body, (version += 1), state]);
  };
  const latencies: number[] = [];
  const insertFor = async (ms: number, record: boolean) => {
    const end = performance.now() + ms;
    const lane = async () => {
      while (performance.now() < end) {
        const began = performance.now();
        await insert();
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
    await db.close();
  }
}

function figuresFor(name: 'pglite' | 'postgres', server: { rps: number; p99: number }, bare: { rps: number; p99: number }): Figures {
  const what = `one bare INSERT of the same rows per submission (submission, sources, idempotency record, synced draft, audit event), same driver, ${CONNECTIONS} in flight`;
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
    const bare = await bareInserts({ dataDir: path.join(root, 'pglite-bare') }, await storedRows({ dataDir }));
    Object.assign(figures, figuresFor('pglite', pglite, bare));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const postgres = await startTempPostgres();
  try {
    const database = { dataDir: 'memory://', databaseUrl: postgres.url };
    const result = await measure({ DATABASE_URL: postgres.url }, database);
    const bare = await bareInserts(database, await storedRows(database));
    Object.assign(figures, figuresFor('postgres', result, bare));
  } finally {
    await postgres.stop();
  }
  return figures;
}
