/**
 * Archive server throughput: `POST /v1/submissions` with a unique Idempotency-Key per request,
 * on PGlite (on disk) and on PostgreSQL (a throwaway local cluster, or DATABASE_URL).
 * The server runs as a child process (`server/main.ts`, logs silent, rate limit off); autocannon drives it over loopback.
 * Baseline, in the same run: a bare INSERT of the same rows the server stored for one submission (the submission,
 * its sources, the idempotency record with its response, the synced draft, the audit event; copied from what the
 * server wrote, with new ids) into the same tables, one statement per submission, through the same driver (PGlite,
 * or the node-postgres pool of the same size), with as many statements in flight as autocannon's connections.
 * It leaves out what only the product does: HTTP, validation, building the draft, and the sync version counter.
 * The two take turns (see takeTurns); each figure is the median of its turns.
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
import { compared, median, percentile, round, type Figures } from './types.ts';

const CONNECTIONS = 10;
/** Turns of each, and their length in seconds. */
const ROUNDS = 5;
const ROUND_S = 3;

interface Database {
  dataDir: string;
  databaseUrl?: string;
}

interface Rate {
  rps: number;
  p99: number;
}

/** Drives the server, or its baseline, for `seconds`. */
interface Load {
  load(seconds: number): Promise<Rate>;
}

/** Starts the archive on `database` with a user; `load(seconds)` drives it with submissions, `stop()` ends it. */
async function startLoadedServer(env: Record<string, string>, database: Database) {
  const db = await openDatabase(database);
  const { token } = await createUser(db, { name: 'Bench', role: 'editor' });
  await db.close();
  const server = await startChildServer({ ...env, RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent' });
  // A new draft per request: the archive answers a draft it already has without creating a submission.
  const template = submission();
  const body = JSON.stringify(template);
  const load = async (seconds: number): Promise<Rate> => {
    const result = await autocannon({
      url: `${server.url}/v1/submissions`,
      method: 'POST',
      connections: CONNECTIONS,
      duration: seconds,
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
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`submissions failed during the benchmark: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    return { rps: result.requests.average, p99: result.latency.p99 };
  };
  const stop = async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  };
  return { load, stop };
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

/** Inserts the same rows bare, CONNECTIONS statements in flight: `load(seconds)` for that long, `stop()` ends it. */
async function startBareInserts(database: Database, rows: Awaited<ReturnType<typeof storedRows>>) {
  const db = await openDatabase(database);
  const { id: userId } = await createUser(db, { name: 'Bench bare', role: 'editor' });
  let version = 1_000_000_000;
  const insert = () => {
    const draftId = randomUUID();
    const state = rows.state.replaceAll(rows.draft_id, draftId);
    const body = rows.body.replace(rows.draft_id, draftId);
    return db.query(BARE_INSERT, [draftId, userId, rows.title, body, rows.request_hash, rows.urls, randomUUID(), rows.response_body, (version += 1), state]);
  };
  const load = async (seconds: number): Promise<Rate> => {
    const latencies: number[] = [];
    const began = performance.now();
    const end = began + seconds * 1_000;
    const lane = async () => {
      while (performance.now() < end) {
        const start = performance.now();
        await insert();
        latencies.push(performance.now() - start);
      }
    };
    await Promise.all(Array.from({ length: CONNECTIONS }, lane));
    return { rps: latencies.length / ((performance.now() - began) / 1_000), p99: percentile(latencies, 0.99) };
  };
  return { load, stop: () => db.close() };
}

/**
 * The server and its baseline take turns, ROUNDS times (after a warm-up of each), so a burst of other work
 * on the machine hits both alike; each figure is the median of its turns (one turn of PostgreSQL submissions
 * in a run often runs at half the rate of the others).
 */
async function takeTurns(server: Load, bare: Load) {
  await server.load(1);
  await bare.load(1);
  const rounds = { server: [] as Rate[], bare: [] as Rate[] };
  for (let round = 0; round < ROUNDS; round += 1) {
    // Which goes first changes every round: what one leaves behind (autovacuum of its rows) falls on each alike.
    const first = round % 2 === 0;
    if (first) rounds.server.push(await server.load(ROUND_S));
    rounds.bare.push(await bare.load(ROUND_S));
    if (!first) rounds.server.push(await server.load(ROUND_S));
  }
  const medianOf = (rates: Rate[]): Rate => ({ rps: median(rates.map((rate) => rate.rps)), p99: median(rates.map((rate) => rate.p99)) });
  return { server: medianOf(rounds.server), bare: medianOf(rounds.bare) };
}

function figuresFor(name: 'pglite' | 'postgres', server: Rate, bare: Rate): Figures {
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
    // PGlite takes one process per data directory: the baseline writes a directory of its own.
    const dataDir = path.join(root, 'pglite');
    const server = await startLoadedServer({ DATA_DIR: dataDir }, { dataDir });
    try {
      await server.load(1); // Something for storedRows to copy: PGlite opens the directory only once the server stopped.
    } finally {
      await server.stop();
    }
    const rows = await storedRows({ dataDir });
    const restarted = await startLoadedServer({ DATA_DIR: dataDir }, { dataDir });
    const bare = await startBareInserts({ dataDir: path.join(root, 'pglite-bare') }, rows);
    try {
      const turns = await takeTurns(restarted, bare);
      Object.assign(figures, figuresFor('pglite', turns.server, turns.bare));
    } finally {
      await Promise.all([restarted.stop(), bare.stop()]);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const postgres = await startTempPostgres();
  try {
    const database = { dataDir: 'memory://', databaseUrl: postgres.url };
    const server = await startLoadedServer({ DATABASE_URL: postgres.url }, database);
    try {
      await server.load(1);
      const bare = await startBareInserts(database, await storedRows(database));
      try {
        const turns = await takeTurns(server, bare);
        Object.assign(figures, figuresFor('postgres', turns.server, turns.bare));
      } finally {
        await bare.stop();
      }
    } finally {
      await server.stop();
    }
  } finally {
    await postgres.stop();
  }
  return figures;
}
