/**
 * The sync API over HTTP against one backend (PGlite or PostgreSQL), fault by fault. Every reply is also
 * checked against the server's OpenAPI document (support/harness.ts).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../server/db/migrate.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';
import { createUser } from '../../server/users.ts';
import type { Queryable } from '../../server/db/index.ts';
import { writeGroup } from '../../server/submission-group.ts';
import { requestHash } from '../../server/submissions.ts';
import { SubmissionRequest } from '../../src/core/contract.ts';
import { submission } from './support/harness.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import { backup, extraToken, restore, startSyncHarness, submittableDraftOps, TestDevice, type SyncBackend, type SyncHarness } from './sync-harness.ts';

type Push = { ackedThrough: number; results: { seq: number; status: string; reason?: string }[] };
type Pull = { reset: boolean; cursor: string; hasMore: boolean; drafts: SyncDraft[]; ackedThrough?: number };
/** Thrown to roll a test's transaction back with what it measured. */
class RolledBack extends Error {
  constructor(readonly read: number) {
    super('rolled back');
  }
}
type SeqError = { error: { code: string; expectedSeq?: number; ackedThrough?: number } };

const SUMMARY = 'The bot invented a refund policy. The airline refused to honour it. A tribunal ruled against the airline. ';
const source = (url = `https://news.example/${randomUUID()}`) => ({ url, originalUrl: url, accessedAt: '2026-01-01T00:00:00Z' });

export function defineSyncSuite(name: string, makeBackend: () => Promise<SyncBackend>): void {
  describe(`sync API on ${name}`, () => {
    let backend: SyncBackend;
    let h: SyncHarness;
    const device = (token = h.editor.token) => new TestDevice(h.api, token);

    beforeAll(async () => {
      backend = await makeBackend();
      h = await startSyncHarness(backend);
    });
    afterAll(async () => {
      await h?.close();
      await backend?.stop();
    });

    /** Everything `d` can pull from the start. */
    async function pullAll(d: TestDevice): Promise<Map<string, SyncDraft>> {
      const drafts = new Map<string, SyncDraft>();
      let cursor: string | undefined;
      for (;;) {
        const page = (await d.pull(cursor)).json as Pull;
        for (const draft of page.drafts) drafts.set(draft.id, draft);
        cursor = page.cursor;
        if (!page.hasMore) return drafts;
      }
    }

    async function newDraft(d: TestDevice, extra: Record<string, unknown> = {}): Promise<SyncDraft> {
      const draftId = randomUUID();
      const reply = await d.push(d.ops({ type: 'create', draftId, title: 'Chatbot invents a refund policy', texts: { summary: SUMMARY }, ...extra }));
      expect(reply.status).toBe(200);
      return (await pullAll(d)).get(draftId)!;
    }

    const opsOf = async (clientId: string) => (await h.db.query<{ n: number }>('select count(*)::int as n from sync_ops where client_id = $1', [clientId]))[0]!.n;

    it('is in the OpenAPI document', async () => {
      const doc = (await h.api.get('/v1/openapi.json')).json as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/sync/push', '/v1/sync/pull']));
      expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['SyncPushRequest', 'SyncPushResponse', 'SyncPullResponse', 'SyncDraft', 'SyncConflict']));
    });

    it('carries a draft to the author\'s other device, recording who made each change', async () => {
      const laptop = device();
      const phone = device();
      const draft = await newDraft(laptop);
      const reply = await phone.push(phone.ops({ type: 'list', draftId: draft.id, field: 'codes', add: ['M1', 'F3'] }));
      expect(reply.json).toEqual({ ackedThrough: 1, results: [{ seq: 1, status: 'applied' }] });
      const seen = (await pullAll(laptop)).get(draft.id)!;
      expect(seen).toMatchObject({ ownerId: h.editor.id, updatedBy: h.editor.id, lists: { codes: ['M1', 'F3'] }, fields: { title: { v: 'Chatbot invents a refund policy', by: laptop.clientId } } });
      const [row] = await h.db.query<{ user_id: string; status: string }>('select user_id, status from sync_ops where client_id = $1 and seq = 1', [phone.clientId]);
      expect(row).toEqual({ user_id: h.editor.id, status: 'applied' });
    });

    it('keeps two different concurrent severities as one conflict every device sees; the same value is no conflict', async () => {
      const laptop = device();
      const phone = device();
      const draft = await newDraft(laptop);
      const set = (d: TestDevice, value: string, base: string | null) => d.push(d.ops({ type: 'set', draftId: draft.id, field: 'severity', value, baseRev: draft.rev, base }));
      expect(((await set(laptop, 'SEV-2', null)).json as Push).results[0]!.status).toBe('applied');
      expect(((await set(phone, 'SEV-2', null)).json as Push).results[0]!.status).toBe('applied');
      expect(((await set(phone, 'SEV-3', 'SEV-2')).json as Push).results[0]!.status).toBe('applied'); // on top of its own
      expect(((await set(laptop, 'SEV-1', 'SEV-2')).json as Push).results[0]!.status).toBe('conflict');
      for (const d of [laptop, phone]) {
        const seen = (await pullAll(d)).get(draft.id)!;
        expect(seen.fields.severity.v).toBe('SEV-3');
        expect(seen.conflicts).toMatchObject([{ kind: 'field', path: 'severity', ours: 'SEV-1', theirs: 'SEV-3', userId: h.editor.id }]);
      }
    });

    it('merges edits of different sentences of a long text and keeps an overlap as a conflict with base, ours and theirs', async () => {
      const laptop = device();
      const phone = device();
      const draft = await newDraft(laptop);
      const edit = (d: TestDevice, from: string, to: string) =>
        d.push(d.ops({ type: 'text', draftId: draft.id, field: 'summary', base: SUMMARY, value: SUMMARY.replace(from, to) }));
      expect(((await edit(laptop, 'refused to honour it.', 'refused to pay.')).json as Push).results[0]!.status).toBe('applied');
      expect(((await edit(phone, 'ruled against the airline.', 'ruled against the airline in 2024.')).json as Push).results[0]!.status).toBe('merged');
      expect(((await edit(phone, 'refused to honour it.', 'said no.')).json as Push).results[0]!.status).toBe('conflict');
      const seen = (await pullAll(laptop)).get(draft.id)!;
      expect(seen.texts.summary.v).toBe('The bot invented a refund policy. The airline refused to pay. A tribunal ruled against the airline in 2024. ');
      expect(seen.conflicts).toMatchObject([{ kind: 'text', base: SUMMARY, ours: SUMMARY.replace('refused to honour it.', 'said no.'), theirs: seen.texts.summary.v }]);
    });

    it('replays a push whose response was lost after commit: the same results, nothing applied twice', async () => {
      const d = device();
      const draft = await newDraft(d);
      const ops = d.ops(
        { type: 'list', draftId: draft.id, field: 'tags', add: ['airline'] },
        { type: 'text', draftId: draft.id, field: 'notes', base: '', value: 'Called the airline. ' },
        { type: 'set', draftId: draft.id, field: 'title', value: 'Airline chatbot', baseRev: draft.rev },
      );
      const first = await d.push(ops);
      const before = (await pullAll(d)).get(draft.id)!;
      const again = await d.push(ops);
      expect(again.status).toBe(200);
      expect(again.json).toEqual(first.json);
      // A retry of the oldest op alone acknowledges only that one: the device still needs the others' results.
      expect((await d.push(ops.slice(0, 1))).json).toEqual({ ackedThrough: 2, results: [(first.json as Push).results[0]] });
      // A retry that also carries newer ops: the old ones replay, the new one applies.
      const retry = await d.push([...ops, ...d.ops({ type: 'list', draftId: draft.id, field: 'tags', add: ['refund'] })]);
      expect((retry.json as Push).ackedThrough).toBe(5);
      const after = (await pullAll(d)).get(draft.id)!;
      expect(after.texts.notes.v).toBe('Called the airline. ');
      expect(after.lists.tags).toEqual(['airline', 'refund']);
      expect(after.rev).toBe(before.rev + 1);
      expect(await opsOf(d.clientId)).toBe(5);
    });

    it('applies a request delivered twice at once only once', async () => {
      const d = device();
      const draft = await newDraft(d);
      const ops = d.ops(...Array.from({ length: 20 }, (_, i) => ({ type: 'text' as const, draftId: draft.id, field: 'notes' as const, base: 'x'.repeat(i), value: 'x'.repeat(i + 1) })));
      const [a, b] = await Promise.all([d.push(ops), d.push(ops)]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(a.json).toEqual(b.json);
      expect((await pullAll(d)).get(draft.id)!.texts.notes.v).toBe('x'.repeat(20));
      expect(await opsOf(d.clientId)).toBe(21);
    });

    it('refuses a gap in seq with the seq it expects, and applies nothing of it', async () => {
      const d = device();
      const draft = await newDraft(d);
      const [skipped, ...rest] = d.ops(
        { type: 'list', draftId: draft.id, field: 'tags', add: ['lost'] },
        { type: 'list', draftId: draft.id, field: 'tags', add: ['after-gap'] },
      );
      const reply = await d.push(rest);
      expect(reply.status).toBe(409);
      expect((reply.json as SeqError).error).toMatchObject({ code: 'seq_gap', expectedSeq: 2, ackedThrough: 1 });
      expect((await pullAll(d)).get(draft.id)!.lists.tags).toEqual([]);
      expect(((await d.push([skipped!, ...rest])).json as Push).ackedThrough).toBe(3);
    });

    it('acknowledges ops that can never succeed as rejected, and applies the ops behind them', async () => {
      const d = device();
      const draft = await newDraft(d);
      const others = await newDraft(device(h.other.token));
      const reply = await d.push([
        ...d.ops({ type: 'set', draftId: draft.id, field: 'severity', value: 'SEV-9', baseRev: draft.rev }),
        { seq: 3, opId: randomUUID(), draftId: draft.id, type: 'rename' },
        ...(d.continueFrom(4), d.ops(
          { type: 'set', draftId: others.id, field: 'title', value: 'Taken over', baseRev: others.rev },
          { type: 'list', draftId: randomUUID(), field: 'tags', add: ['nowhere'] },
          { type: 'set', draftId: draft.id, field: 'severity', value: 'SEV-4', baseRev: draft.rev },
        )),
      ]);
      expect(reply.status).toBe(200);
      const { ackedThrough, results } = reply.json as Push;
      expect(ackedThrough).toBe(6);
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
      expect(results.map((result) => result.reason?.split(':')[0])).toEqual(['invalid_op', 'invalid_op', 'forbidden', 'unknown_draft', undefined]);
      expect((await pullAll(d)).get(draft.id)!.fields.severity.v).toBe('SEV-4');
    });

    it('never shows or lets another editor change a draft; reviewers read it once it is sent to review', async () => {
      const mine = device();
      const draftId = randomUUID();
      expect((await mine.push(mine.ops(...submittableDraftOps(draftId)))).status).toBe(200);
      const draft = (await pullAll(mine)).get(draftId)!;
      const otto = device(h.other.token);
      const rita = device(h.reviewer.token);
      expect((await pullAll(otto)).has(draft.id)).toBe(false);
      expect((await pullAll(rita)).has(draft.id)).toBe(false);
      const attempt = await otto.push(otto.ops({ type: 'create', draftId: draft.id, title: 'Mine now' }, { type: 'list', draftId: draft.id, field: 'tags', add: ['x'] }));
      expect((attempt.json as Push).results).toEqual([
        { seq: 1, status: 'rejected', reason: 'forbidden' },
        { seq: 2, status: 'rejected', reason: 'forbidden' },
      ]);
      await h.api.post(`/v1/drafts/${draft.id}/transitions`, { token: h.editor.token, json: { to: 'submitted', revision: draft.rev } });
      expect((await pullAll(rita)).get(draft.id)?.fields.reviewState.v).toBe('submitted');
      expect((await pullAll(otto)).has(draft.id)).toBe(false);
      const review = await rita.push(rita.ops({ type: 'set', draftId: draft.id, field: 'title', value: 'Edited by a reviewer', baseRev: 0 }));
      expect((review.json as Push).results[0]).toEqual({ seq: 1, status: 'rejected', reason: 'forbidden' });
      expect((await pullAll(mine)).get(draft.id)!.fields.title.v).toBe('Chatbot invents a refund policy');
    });

    it('takes a draft id in capitals as the same draft, never as a second one over it', async () => {
      const d = device();
      const draft = await newDraft(d);
      const reply = await d.push(d.ops({ type: 'create', draftId: draft.id.toUpperCase(), title: 'Chatbot invents a refund policy' }, { type: 'list', draftId: draft.id.toUpperCase(), field: 'tags', add: ['caps'] }));
      expect((reply.json as Push).results.map((result) => result.status)).toEqual(['applied', 'applied']);
      const seen = (await pullAll(d)).get(draft.id)!;
      expect(seen.texts.summary.v).toBe(SUMMARY);
      expect(seen.lists.tags).toEqual(['caps']);
    });

    it('refuses a client id that belongs to another user', async () => {
      const d = device();
      await newDraft(d);
      const thief = new TestDevice(h.api, h.other.token);
      Object.assign(thief, { clientId: d.clientId });
      const reply = await thief.push([{ seq: 2, opId: randomUUID(), draftId: randomUUID(), type: 'create' }]);
      expect(reply.status).toBe(403);
    });

    it('keeps an edit to a source another device deleted as a conflict, and the source can be restored', async () => {
      const laptop = device();
      const phone = device();
      const draft = await newDraft(laptop);
      const sourceId = randomUUID();
      await laptop.push(laptop.ops({ type: 'putSource', draftId: draft.id, sourceId, values: source(), baseRev: draft.rev }));
      const withSource = (await pullAll(phone)).get(draft.id)!;
      await laptop.push(laptop.ops({ type: 'removeSource', draftId: draft.id, sourceId, baseRev: withSource.rev }));
      const edit = await phone.push(phone.ops({ type: 'putSource', draftId: draft.id, sourceId, values: { publisher: 'News Example' }, baseRev: withSource.rev }));
      expect((edit.json as Push).results[0]!.status).toBe('conflict');
      const seen = (await pullAll(phone)).get(draft.id)!;
      expect(seen.sources[sourceId]!.deleted).toBe(true);
      const conflict = seen.conflicts.find((c) => c.kind === 'row_deleted')!;
      expect(conflict.ours).toEqual({ publisher: 'News Example' });
      await laptop.push(laptop.ops({ type: 'resolve', draftId: draft.id, conflictId: conflict.id, restore: true }));
      const restored = (await pullAll(phone)).get(draft.id)!;
      expect(restored.sources[sourceId]).toMatchObject({ deleted: false, fields: { publisher: { v: 'News Example' } } });
      expect(restored.conflicts.find((c) => c.id === conflict.id)!.resolved).toMatchObject({ userId: h.editor.id, clientId: laptop.clientId });
    });

    it('orders by seq and the server\'s version, whatever the devices\' clocks say', async () => {
      const ahead = device();
      const behind = device();
      const draft = await newDraft(ahead);
      const future = { ...source(), accessedAt: '2099-12-31T23:59:59Z' };
      await ahead.push(ahead.ops({ type: 'putSource', draftId: draft.id, sourceId: randomUUID(), values: future, baseRev: draft.rev }, { type: 'set', draftId: draft.id, field: 'title', value: 'From the future', baseRev: draft.rev }), { date: 'Fri, 31 Dec 2099 23:59:59 GMT' });
      const { cursor } = (await behind.pull()).json as Pull;
      const past = await behind.push(behind.ops({ type: 'set', draftId: draft.id, field: 'title', value: 'From the past', baseRev: draft.rev }), { date: 'Thu, 01 Jan 1970 00:00:00 GMT' });
      // The past edit arrived later, from the same base: a conflict, not a loss for either clock.
      expect((past.json as Push).results[0]!.status).toBe('conflict');
      const later = (await behind.pull(cursor)).json as Pull;
      expect(later.drafts.map((d) => d.id)).toEqual([draft.id]);
      expect(later.drafts[0]!.fields.title.v).toBe('From the future');
      expect(later.drafts[0]!.conflicts[0]).toMatchObject({ ours: 'From the past', theirs: 'From the future' });
    });

    it('pages a pull and gives an unchanged cursor nothing new', async () => {
      const d = device();
      const ids = new Set<string>();
      const ops = d.ops(...Array.from({ length: 25 }, () => {
        const draftId = randomUUID();
        ids.add(draftId);
        return { type: 'create' as const, draftId, title: 'Paged' };
      }));
      await d.push(ops);
      const fresh = device();
      const { cursor: start } = (await fresh.pull()).json as Pull;
      const fromStart = await fresh.pull(undefined, 10);
      const seen: string[] = [];
      let page = fromStart.json as Pull;
      let pages = 1;
      seen.push(...page.drafts.map((draft) => draft.id));
      while (page.hasMore) {
        page = (await fresh.pull(page.cursor, 10)).json as Pull;
        pages += 1;
        seen.push(...page.drafts.map((draft) => draft.id));
      }
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => ids.has(id)).length).toBe(25);
      const empty = (await fresh.pull(page.cursor)).json as Pull;
      expect(empty).toMatchObject({ reset: false, hasMore: false, drafts: [], cursor: page.cursor });
      expect(start).toBeTruthy();
      expect((await fresh.pull('not-a-cursor')).status).toBe(400);
    });

    it('tells a device to reset when the archive was restored from a backup behind its cursor, and takes the lost ops again', async () => {
      const d = device();
      const draft = await newDraft(d);
      await backup(h.db, `bk${Date.now()}`);
      const name = (await h.db.query<{ table_name: string }>("select table_name from information_schema.tables where table_name like 'bk%_sync_meta' order by table_name desc limit 1"))[0]!.table_name.replace(/_sync_meta$/, '');
      const lost = d.ops({ type: 'list', draftId: draft.id, field: 'tags', add: ['after-backup'] }, { type: 'set', draftId: draft.id, field: 'severity', value: 'SEV-2', baseRev: draft.rev });
      expect(((await d.push(lost)).json as Push).ackedThrough).toBe(3);
      const { cursor } = (await d.pull()).json as Pull;
      await restore(h.db, name);

      const reply = (await d.pull(cursor)).json as Pull;
      expect(reply).toMatchObject({ reset: true, drafts: [], ackedThrough: 1 });
      const next = d.ops({ type: 'list', draftId: draft.id, field: 'tags', add: ['later'] });
      const refused = await d.push(next);
      expect(refused.status).toBe(409);
      expect((refused.json as SeqError).error).toMatchObject({ code: 'seq_gap', expectedSeq: 2 });
      // The device re-sends what the archive lost, numbered from there, then its newer op.
      d.continueFrom(2);
      const resent = await d.push(d.ops(
        { type: 'list', draftId: draft.id, field: 'tags', add: ['after-backup'] },
        { type: 'set', draftId: draft.id, field: 'severity', value: 'SEV-2', baseRev: draft.rev },
        { type: 'list', draftId: draft.id, field: 'tags', add: ['later'] },
      ));
      expect((resent.json as Push).ackedThrough).toBe(4);
      const all = new Map<string, SyncDraft>();
      let page: Pull = { reset: false, cursor: reply.cursor, hasMore: true, drafts: [] };
      while (page.hasMore) {
        page = (await d.pull(page.cursor)).json as Pull;
        for (const seen of page.drafts) all.set(seen.id, seen);
      }
      expect(all.get(draft.id)).toMatchObject({ lists: { tags: ['after-backup', 'later'] }, fields: { severity: { v: 'SEV-2' } } });
    });

    it('tells a device to reset when its cursor is from another archive (epoch)', async () => {
      const d = device();
      const foreign = Buffer.from(JSON.stringify({ e: 'another-archive', v: 3 })).toString('base64url');
      expect((await d.pull(foreign)).json).toMatchObject({ reset: true, drafts: [] });
    });

    it('takes the ops a device queued before the archive was upgraded to sync, on a database that already held data', async () => {
      const fresh = await backend.freshDatabase();
      try {
        const old = fresh.options.databaseUrl ? await openPostgres(fresh.options.databaseUrl) : await openPglite(fresh.options.dataDir);
        await migrate(old, (await loadMigrations()).filter((migration) => migration.version < 4));
        const edna = await createUser(old, { name: 'Edna Before', role: 'editor' });
        await old.close();
        const upgraded = await startSyncHarness({ database: async () => fresh.options });
        try {
          const d = new TestDevice(upgraded.api, edna.token);
          const draftId = randomUUID();
          const queued = d.ops({ type: 'create', draftId, title: 'Written offline before the upgrade' }, { type: 'list', draftId, field: 'codes', add: ['M1'] });
          const reply = await d.push(queued);
          expect(reply.json).toEqual({ ackedThrough: 2, results: [{ seq: 1, status: 'applied' }, { seq: 2, status: 'applied' }] });
          const page = (await d.pull()).json as Pull;
          expect(page.drafts.map((draft) => [draft.ownerId, draft.fields.title.v, draft.lists.codes])).toEqual([[edna.id, 'Written offline before the upgrade', ['M1']]]);
        } finally {
          await upgraded.close();
        }
      } finally {
        await fresh.stop();
      }
    });

    it('keeps nothing of a push whose token is revoked while it runs (401)', async () => {
      const d = device();
      const draft = await newDraft(d);
      const before = await opsOf(d.clientId);
      const revoke = () => h.db.query('update api_tokens set revoked_at = now() where token_hash = encode(sha256(convert_to($1, \'UTF8\')), \'hex\')', [d.token]);
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      // Hold the device's row (PostgreSQL) or the database (PGlite, one connection) so the push waits mid-way.
      const holder = h.db.transaction(async (tx) => {
        if (h.db.kind === 'postgres') await tx.query('select 1 from sync_clients where client_id = $1 for update', [d.clientId]);
        else await tx.query('update api_tokens set revoked_at = now() where token_hash = encode(sha256(convert_to($1, \'UTF8\')), \'hex\')', [d.token]);
        held();
        await gate;
      });
      // On a loaded machine the push could otherwise finish before the hold begins.
      await holding;
      const pushing = d.push(d.ops(...Array.from({ length: 50 }, (_, i) => ({ type: 'list' as const, draftId: draft.id, field: 'tags' as const, add: [`t${i}`] }))));
      if (h.db.kind === 'postgres') {
        for (let i = 0; i < 200; i += 1) {
          const [waiting] = await h.db.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()");
          if (waiting!.n > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        await revoke();
      } else {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      release();
      await holder;
      const reply = await pushing;
      expect(reply.status).toBe(401);
      expect(await opsOf(d.clientId)).toBe(before);
      const looker = new TestDevice(h.api, await extraToken(h.db, h.editor.id));
      expect((await pullAll(looker)).get(draft.id)!.lists.tags).toEqual([]);
    });

    describe('submission groups as the archive grows', () => {
      it('store their answers without reading every idempotency key the archive holds', async () => {
        const user = { id: h.editor.id, name: 'Edna Editor', role: 'editor' as const, tokenHash: '' };
        const writeGroups = async (tx: Queryable, count: number) => {
          for (let i = 0; i < count; i += 1) {
            const jobs = [0, 1].map(() => {
              const request = SubmissionRequest.parse(submission());
              return { user, key: randomUUID(), request, hash: requestHash(request), unmet: null };
            });
            const outcomes = await writeGroup(tx, jobs);
            expect(outcomes.map((outcome) => ('response' in outcome ? outcome.response.status : outcome.error))).toEqual([201, 201]);
          }
        };
        const keysRead = async (tx: Queryable) =>
          (await tx.query<{ n: number }>("select coalesce(sum(seq_tup_read), 0)::int as n from pg_stat_xact_user_tables where relname = 'idempotency_keys'"))[0]!.n;
        // Rows of idempotency_keys read by full scans in this transaction (rolled back: nothing stays).
        const read = await h.db.transaction(async (tx) => {
          // The keys of 30,000 earlier submissions. Before migration 011 every group read them all (the plan of a
          // join of the released keys); on a table this size both databases chose that plan.
          await tx.query("insert into idempotency_keys (user_id, key, request_hash, status_code, response_body) select $1, 'old-' || n, 'h', 201, '{}' from generate_series(1, 30000) as n", [h.other.id]);
          const before = await keysRead(tx);
          await writeGroups(tx, 8);
          throw new RolledBack((await keysRead(tx)) - before);
        }).catch((error: unknown) => {
          if (error instanceof RolledBack) return error.read;
          throw error;
        });
        expect(read).toBe(0);
      });
    });
  });
}
