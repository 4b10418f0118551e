/**
 * A running archive whose database the sync tests can also reach directly: to revoke a token, to take and
 * restore a backup of the sync tables, to count what was stored.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from '../../server/app.ts';
import { hashToken } from '../../server/auth.ts';
import { openDatabase, type Database } from '../../server/db/index.ts';
import { createUser } from '../../server/users.ts';
import type { OpBody, SyncOpInput } from '../../src/core/sync/ops.ts';
import { Api, type Reply } from './support/harness.ts';

/** A database the archive under test runs on, and how to throw it away. */
export interface TestBackend {
  database(): Promise<{ dataDir: string; databaseUrl?: string }>;
  stop(): Promise<void>;
}

export interface SyncBackend extends TestBackend {
  /** A database of its own (empty, not migrated), for the upgrade test. */
  freshDatabase(): Promise<{ options: { dataDir: string; databaseUrl?: string }; stop(): Promise<void> }>;
}

export interface SyncHarness {
  db: Database;
  api: Api;
  editor: { id: string; token: string };
  other: { id: string; token: string };
  reviewer: { id: string; token: string };
  close(): Promise<void>;
}

export async function startSyncHarness(backend: Pick<SyncBackend, 'database'>): Promise<SyncHarness> {
  const db = await openDatabase(await backend.database());
  const app = createApp({ db, log: pino({ level: 'silent' }), rateLimitPerMinute: 0, authFailuresPerMinute: 0, bodyLimitBytes: 1024 * 1024, corsOrigins: [] });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const { port } = server.address() as AddressInfo;
  const api = await Api.connect({ url: `http://127.0.0.1:${port}` });
  const [editor, other, reviewer] = await Promise.all([
    createUser(db, { name: 'Edna Editor', role: 'editor' }),
    createUser(db, { name: 'Otto Other', role: 'editor' }),
    createUser(db, { name: 'Rita Reviewer', role: 'reviewer' }),
  ]);
  return {
    db,
    api,
    editor,
    other,
    reviewer,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

/** A device: a client id and its next seq; `ops()` numbers edits the way an outbox would. */
export class TestDevice {
  readonly clientId = randomUUID();
  private seq = 0;

  constructor(
    readonly api: Api,
    public token: string,
  ) {}

  ops(...bodies: OpBody[]): SyncOpInput[] {
    return bodies.map((body) => ({ ...body, seq: ++this.seq, opId: randomUUID() }) as SyncOpInput);
  }

  /** Forgets seqs, as after a reset: the next op gets `seq`. */
  continueFrom(seq: number): void {
    this.seq = seq - 1;
  }

  push(ops: unknown[], headers: Record<string, string> = {}): Promise<Reply> {
    return this.api.post('/v1/sync/push', { token: this.token, json: { clientId: this.clientId, ops }, headers });
  }

  pull(cursor?: string, limit?: number): Promise<Reply> {
    return this.api.post('/v1/sync/pull', { token: this.token, json: { clientId: this.clientId, ...(cursor === undefined ? {} : { cursor }), ...(limit === undefined ? {} : { limit }) } });
  }
}

/** A second token for a user (to look after the first was revoked). */
export async function extraToken(db: Database, userId: string): Promise<string> {
  const token = `ica_${randomUUID()}`;
  await db.query('insert into api_tokens (token_hash, user_id) values ($1, $2)', [hashToken(token), userId]);
  return token;
}

const SYNC_TABLES = ['sync_meta', 'sync_clients', 'sync_drafts', 'sync_ops'];

/** Copies the sync tables aside, as a nightly backup would. */
export async function backup(db: Database, name: string): Promise<void> {
  for (const table of SYNC_TABLES) await db.exec(`create table ${name}_${table} as table ${table}`);
}

/** Puts the copies back, losing everything after the backup (the epoch is the backup's). */
export async function restore(db: Database, name: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of [...SYNC_TABLES].reverse()) await tx.exec(`delete from ${table}`);
    for (const table of SYNC_TABLES) await tx.exec(`insert into ${table} select * from ${name}_${table}`);
  });
}

/** The ops that create a draft holding everything the seed's archive requires to submit (`extra` overrides the create op's fields). */
export function submittableDraftOps(draftId: string, extra: Record<string, unknown> = {}): OpBody[] {
  const [sourceId, quoteId, url] = [randomUUID(), randomUUID(), `https://news.example/${randomUUID()}`];
  return [
    {
      type: 'create',
      draftId,
      title: 'Chatbot invents a refund policy',
      severity: 'SEV-3',
      texts: { rationale: 'The bot made up a policy.', counterfactual: 'Without the bot, nobody is told of a policy.' },
      lists: { codes: ['M2'], providers: ['OpenAI'] },
      ...extra,
    },
    { type: 'putSource', draftId, sourceId, baseRev: 0, values: { url, originalUrl: url, accessedAt: '2026-01-01T00:00:00Z' } },
    { type: 'putQuote', draftId, quoteId, baseRev: 0, values: { sourceId, quote: 'The airline must pay.', selectors: { quote: { type: 'TextQuoteSelector', exact: 'The airline must pay.', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 21 } }, createdAt: '2026-01-01T00:00:00Z' } },
  ];
}
