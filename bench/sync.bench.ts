/**
 * Sync on the archive, timed inside the server (the push and pull services, no HTTP), on PGlite (on disk,
 * as `npm start` runs it) and on PostgreSQL. Each figure has a same-run baseline through the same driver:
 * a push against one bare INSERT of the same 100 rows in a transaction, a pull against a bare SELECT of the
 * same rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuthUser } from '../server/auth.ts';
import { openDatabase, type Database } from '../server/db/index.ts';
import { pullChanges, pushOps } from '../server/sync/service.ts';
import { createUser } from '../server/users.ts';
import type { OpBody, SyncOpInput } from '../src/core/sync/ops.ts';
import { startTempPostgres } from '../test/server/support/postgres.ts';
import { compared, median, round, type Figures } from './types.ts';

const REPEATS = 15;
const PULL_PAGE = 500;
const SENTENCES = 'The chatbot invented a refund policy. The airline refused to honour it. A tribunal ruled against the airline. ';

async function user(db: Database): Promise<AuthUser> {
  const created = await createUser(db, { name: `Bench ${randomUUID()}`, role: 'editor' });
  return { id: created.id, name: 'Bench', role: 'editor', tokenHash: (await db.query<{ token_hash: string }>('select token_hash from api_tokens where user_id = $1', [created.id]))[0]!.token_hash };
}

const numbered = (bodies: OpBody[], from = 1): SyncOpInput[] => bodies.map((body, i) => ({ ...body, seq: from + i, opId: randomUUID() }) as SyncOpInput);

/** 100 edits of one draft, of every kind, as a device sends them after a while offline. */
function hundredEdits(draftId: string): OpBody[] {
  return Array.from({ length: 100 }, (_, i): OpBody => {
    if (i % 4 === 0) return { type: 'set', draftId, field: 'title', value: `Title ${i}`, baseRev: 0 };
    if (i % 4 === 1) return { type: 'list', draftId, field: 'tags', add: [`tag-${i}`] };
    if (i % 4 === 2) {
      const base = SENTENCES.repeat(Math.floor(i / 4));
      return { type: 'text', draftId, field: 'summary', base, value: base + SENTENCES };
    }
    const url = `https://news.example/${i}`;
    return { type: 'putSource', draftId, sourceId: randomUUID(), values: { url, originalUrl: url, title: `Source ${i}`, accessedAt: '2026-01-01T00:00:00Z' }, baseRev: 0 };
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

async function measure(db: Database, prefix: string): Promise<Figures> {
  await db.exec('create table if not exists bench_rows (client_id uuid, seq integer, body jsonb)');
  const editor = await user(db);
  const push: number[] = [];
  const insert: number[] = [];
  for (let i = 0; i < REPEATS + 2; i += 1) {
    const clientId = randomUUID();
    const draftId = randomUUID();
    await pushOps(db, editor, clientId, numbered([{ type: 'create', draftId, title: 'Bench' }]));
    const ops = numbered(hundredEdits(draftId), 2);
    const [pushMs] = await timed(() => pushOps(db, editor, clientId, ops));
    const [insertMs] = await timed(() =>
      db.transaction((tx) => tx.query(`insert into bench_rows select $1, (o->>'seq')::int, o from jsonb_array_elements($2::jsonb) as o`, [clientId, JSON.stringify(ops)])),
    );
    if (i >= 2) {
      // the first two are warm-ups
      push.push(pushMs);
      insert.push(insertMs);
    }
  }

  // 10,000 drafts of one editor, then a device that has none pulls them all.
  const owner = await user(db);
  const seeder = randomUUID();
  for (let batch = 0; batch < 10; batch += 1) {
    const creates = Array.from({ length: 1_000 }, (): OpBody => ({ type: 'create', draftId: randomUUID(), title: 'A synced draft', texts: { summary: SENTENCES.repeat(3) }, lists: { codes: ['M1', 'F3'], tags: ['bench'] } }));
    await pushOps(db, owner, seeder, numbered(creates, batch * 1_000 + 1));
  }
  const pullAll = async () => {
    let cursor: string | undefined;
    let first = 0;
    let count = 0;
    const started = performance.now();
    for (;;) {
      const page = await pullChanges(db, owner, { cursor, limit: PULL_PAGE });
      if (first === 0) first = performance.now() - started;
      count += page.drafts.length;
      cursor = page.cursor;
      if (!page.hasMore) return { first, total: performance.now() - started, count, cursor };
    }
  };
  const selectAll = async () => {
    let after = 0;
    let first = 0;
    const started = performance.now();
    for (;;) {
      const rows = await db.query<{ version: string; state: unknown }>('select version, state from sync_drafts where owner_id = $1 and version > $2 order by version limit $3', [owner.id, after, PULL_PAGE]);
      if (first === 0) first = performance.now() - started;
      if (rows.length < PULL_PAGE) return { first, total: performance.now() - started };
      after = Number(rows[rows.length - 1]!.version);
    }
  };
  await pullAll(); // warm-up
  await selectAll();
  // Taken in turns, so that neither side gets the warmer cache or the quieter moment.
  const pulls: Awaited<ReturnType<typeof pullAll>>[] = [];
  const selects: Awaited<ReturnType<typeof selectAll>>[] = [];
  for (let i = 0; i < 5; i += 1) {
    pulls.push(await pullAll());
    selects.push(await selectAll());
  }
  if (pulls.some((p) => p.count !== 10_000)) throw new Error(`a pull returned ${pulls.map((p) => p.count).join('/')} drafts, not 10,000`);

  const empty: number[] = [];
  const bare: number[] = [];
  const cursor = pulls[0]!.cursor;
  for (let i = 0; i < 30; i += 1) {
    empty.push((await timed(() => pullChanges(db, owner, { cursor, limit: PULL_PAGE })))[0]);
    bare.push((await timed(() => db.query('select state from sync_drafts where owner_id = $1 and version > $2 order by version limit $3', [owner.id, 1e12, PULL_PAGE])))[0]);
  }

  const figure = (name: string, value: number, baseline: number, what: string, aim: string): Figures => ({
    [`${prefix}.${name}`]: compared(round(value, 1), 'ms', { value: round(baseline, 1), what }, aim),
  });
  return {
    ...figure('push_100ops.median_ms', median(push), median(insert), 'one bare INSERT of the same 100 ops, same driver', '≤ 300 ms'),
    ...figure('pull_empty.median_ms', median(empty), median(bare), 'a bare SELECT that finds nothing, same driver', '≤ 50 ms'),
    ...figure('pull_10k.first_page_ms', median(pulls.map((p) => p.first)), median(selects.map((s) => s.first)), 'a bare SELECT of the same first page', '≤ 1,000 ms'),
    ...figure('pull_10k.total_ms', median(pulls.map((p) => p.total)), median(selects.map((s) => s.total)), 'bare SELECTs of the same pages', '≤ 10,000 ms'),
  };
}

export async function run(): Promise<Figures> {
  const root = await mkdtemp(path.join(tmpdir(), 'sync-bench-'));
  let figures: Figures;
  try {
    const db = await openDatabase({ dataDir: path.join(root, 'pglite') });
    try {
      figures = await measure(db, 'sync');
    } finally {
      await db.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const postgres = await startTempPostgres();
  try {
    const db = await openDatabase({ dataDir: 'memory://', databaseUrl: postgres.url });
    try {
      Object.assign(figures, await measure(db, 'sync.postgres'));
    } finally {
      await db.close();
    }
  } finally {
    await postgres.stop();
  }
  return figures;
}
