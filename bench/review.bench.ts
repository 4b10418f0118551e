/**
 * The review queue's first page over 10,000 submitted drafts, timed inside the server (the queue read, no
 * HTTP), on PGlite (on disk, as `npm start` runs it) and on PostgreSQL, each beside a same-run baseline: a
 * bare SELECT of the same page of rows through the same driver.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hashToken } from '../server/auth.ts';
import { openDatabase, type Database } from '../server/db/index.ts';
import { reviewQueue } from '../server/review/reads.ts';
import { QueueQuery } from '../server/review/wire.ts';
import { pushOps } from '../server/sync/service.ts';
import { createUser } from '../server/users.ts';
import type { OpBody, SyncOpInput } from '../src/core/sync/ops.ts';
import { startTempPostgres } from '../test/server/support/postgres.ts';
import { compared, median, round, type Figures } from './types.ts';

const REPEATS = 15;
const DRAFTS = 10_000;

async function seed(db: Database): Promise<{ id: string; role: 'reviewer' }> {
  const editor = await createUser(db, { name: `Bench editor ${randomUUID()}`, role: 'editor' });
  const reviewer = await createUser(db, { name: `Bench reviewer ${randomUUID()}`, role: 'reviewer' });
  const author = { id: editor.id, name: 'Bench', role: 'editor' as const, tokenHash: hashToken(editor.token) };
  const clientId = randomUUID();
  for (let batch = 0; batch < DRAFTS / 1_000; batch += 1) {
    const creates = Array.from({ length: 1_000 }, (_, i): OpBody => ({
      type: 'create',
      draftId: randomUUID(),
      title: `A submitted draft ${batch * 1_000 + i}`,
      texts: { summary: 'The chatbot invented a refund policy. '.repeat(3) },
      lists: { codes: ['M1', 'F3'], providers: [i % 2 ? 'OpenAI' : 'Google'] },
    }));
    await pushOps(db, author, clientId, creates.map((body, i) => ({ ...body, seq: batch * 1_000 + i + 1, opId: randomUUID() }) as SyncOpInput));
  }
  // Sent to review at different times over the last month, as the transition would record it.
  await db.query(
    `update sync_drafts set review_state = 'submitted', submitted_at = now() - random() * interval '30 days',
       state = jsonb_set(state, '{fields,reviewState,v}', '"submitted"') where owner_id = $1`,
    [editor.id],
  );
  await db.exec('analyze sync_drafts');
  return { id: reviewer.id, role: 'reviewer' };
}

async function timedMedian(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPEATS + 2; i += 1) {
    const started = performance.now();
    await fn();
    if (i >= 2) times.push(performance.now() - started); // the first two are warm-ups
  }
  return round(median(times));
}

async function measure(db: Database, prefix: string): Promise<Figures> {
  const reviewer = await seed(db);
  const query = QueueQuery.parse({});
  const page = await reviewQueue(db, reviewer, query, new Date());
  if (page.items.length !== query.limit || page.total < DRAFTS) throw new Error(`the queue answered ${page.items.length} of ${page.total} drafts`);
  const queue = await timedMedian(() => reviewQueue(db, reviewer, query, new Date()));
  const bare = await timedMedian(() =>
    db.query(
      `select id, owner_id, review_state, version, state->'fields'->'title'->>'v' as title, submitted_at from sync_drafts
       where review_state = any($1::text[]) order by submitted_at, id limit $2`,
      [['submitted', 'in_review'], query.limit],
    ),
  );
  return {
    [`review.queue_10k.first_page_ms.${prefix}`]: compared(queue, 'ms', { value: bare, what: 'a bare SELECT of the same page of rows, same driver' }, '≤ 300 ms'),
  };
}

export async function run(): Promise<Figures> {
  const root = await mkdtemp(path.join(tmpdir(), 'bench-review-'));
  const figures: Figures = {};
  try {
    const pglite = await openDatabase({ dataDir: path.join(root, 'db') });
    try {
      Object.assign(figures, await measure(pglite, 'pglite'));
    } finally {
      await pglite.close();
    }
    const postgres = await startTempPostgres();
    try {
      const db = await openDatabase({ dataDir: 'memory://', databaseUrl: postgres.url });
      try {
        Object.assign(figures, await measure(db, 'postgres'));
      } finally {
        await db.close();
      }
    } finally {
      await postgres.stop();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  return figures;
}
