/** A review test server: the app on one backend with an injected clock, four users, and request helpers. */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { createApp } from '../../server/app.ts';
import { openDatabase, type Database } from '../../server/db/index.ts';
import { createUser } from '../../server/users.ts';
import { Api, type Reply } from './support/harness.ts';
import { submittableDraftOps, TestDevice, type TestBackend } from './sync-harness.ts';

export type User = { id: string; token: string; name: string };

export interface ReviewHarness {
  db: Database;
  api: Api;
  editor: User;
  other: User;
  rita: User;
  rex: User;
  /** Moves the server's clock (the client's is never asked). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startReviewHarness(backend: TestBackend): Promise<ReviewHarness> {
  const db = await openDatabase(await backend.database());
  let now = Date.parse('2026-03-01T09:00:00Z');
  const app = createApp({ db, log: pino({ level: 'silent' }), rateLimitPerMinute: 0, authFailuresPerMinute: 0, bodyLimitBytes: 1024 * 1024, corsOrigins: [], clock: () => new Date(now) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const api = await Api.connect({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const make = async (name: string, role: 'editor' | 'reviewer') => ({ ...(await createUser(db, { name, role })), name });
  const [editor, other, rita, rex] = await Promise.all([make('Edna Editor', 'editor'), make('Otto Other', 'editor'), make('Rita Reviewer', 'reviewer'), make('Rex Reviewer', 'reviewer')]);
  return {
    db,
    api,
    editor,
    other,
    rita,
    rex,
    advance: (ms) => void (now += ms),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

type Status = { state: string; revision: number; claim: { userId: string; name: string } | null; publishedId: string | null };

/** An author's draft on one device, and what any user can do to it over the review API. */
export class DraftUnderTest {
  readonly device: TestDevice;

  constructor(
    readonly h: ReviewHarness,
    readonly author: User = h.editor,
    readonly id: string = randomUUID(),
  ) {
    this.device = new TestDevice(h.api, author.token);
  }

  /** A draft holding everything the seed's archive requires to submit (`extra` overrides the create op's fields). */
  async create(extra: Record<string, unknown> = {}): Promise<this> {
    const reply = await this.device.push(this.device.ops(...submittableDraftOps(this.id, extra)));
    if (reply.status !== 200) throw new Error(`create failed: ${reply.text}`);
    return this;
  }

  async status(user: User = this.author): Promise<Status> {
    const reply = await this.h.api.get(`/v1/drafts/${this.id}`, { token: user.token });
    if (reply.status !== 200) throw new Error(`read failed: ${reply.status} ${reply.text}`);
    return (reply.json as { status: Status }).status;
  }

  async revision(): Promise<number> {
    return (await this.status()).revision;
  }

  async move(user: User, to: string, reason?: string, revision?: number): Promise<Reply> {
    const json = { to, revision: revision ?? (await this.revision()), ...(reason === undefined ? {} : { reason }) };
    return this.h.api.post(`/v1/drafts/${this.id}/transitions`, { token: user.token, json });
  }

  async claim(user: User, revision?: number): Promise<Reply> {
    return this.h.api.post(`/v1/drafts/${this.id}/claim`, { token: user.token, json: { revision: revision ?? (await this.revision()) } });
  }

  async release(user: User): Promise<Reply> {
    return this.h.api.post(`/v1/drafts/${this.id}/release`, { token: user.token, json: { revision: await this.revision() } });
  }

  comment(user: User, json: Record<string, unknown>): Promise<Reply> {
    return this.h.api.post(`/v1/drafts/${this.id}/comments`, { token: user.token, json });
  }

  /** An edit of the author's device, made on the current revision. */
  async edit(body: Record<string, unknown>): Promise<Reply> {
    const base = body.type === 'text' || body.type === 'list' ? {} : { baseRev: await this.revision() };
    return this.device.push(this.device.ops({ draftId: this.id, ...base, ...body } as never));
  }

  /** submitted → in_review (claimed by `reviewer`). */
  async inReview(reviewer: User): Promise<void> {
    await this.expectOk(this.move(this.author, 'submitted'));
    await this.expectOk(this.claim(reviewer));
  }

  async expectOk(reply: Promise<Reply>): Promise<Reply> {
    const done = await reply;
    if (done.status !== 200 && done.status !== 201) throw new Error(`expected success, got ${done.status} ${done.text}`);
    return done;
  }
}
