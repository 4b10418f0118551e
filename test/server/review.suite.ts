/**
 * The review workflow over HTTP against one backend (PGlite or PostgreSQL): who may move a draft where,
 * claims, stale revisions, publishing once, comments and the queue. Replies are checked against the OpenAPI document.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import { DraftUnderTest, startReviewHarness, type ReviewHarness, type User } from './review-harness.ts';
import type { TestBackend } from './sync-harness.ts';

type ErrorBody = { error: { code: string; message: string } };
type Event = { action: string; from: string; to: string; by: string; decidedOn: number; revision: number; reason: string | null; publishedId: string | null };
type CommentJson = { id: string; field: string | null; quoteId: string | null; quotedText: string | null; outdated: boolean; parentId: string | null; replies: string[]; resolved: unknown };
const code = (json: unknown) => (json as ErrorBody).error.code;
const HOUR = 3_600_000;
/** What the seed's archive requires of a one-shot submission, besides a title and a quoted source. */
const REQUIRED = { severity: 'SEV-3', codes: ['M1'], providers: ['OpenAI'], rationale: 'Invented policy.', counterfactual: 'Without it, nobody is misled.' };

export function defineReviewSuite(name: string, makeBackend: () => Promise<TestBackend>): void {
  describe(`review API on ${name}`, () => {
    let backend: TestBackend;
    let h: ReviewHarness;
    const draft = (author?: User) => new DraftUnderTest(h, author).create();

    beforeAll(async () => {
      backend = await makeBackend();
      h = await startReviewHarness(backend);
    });
    afterAll(async () => {
      await h?.close();
      await backend?.stop();
    });

    it('lists the queue, draft, comment, claim and transition routes in the OpenAPI document', async () => {
      const doc = (await h.api.get('/v1/openapi.json')).json as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/review/queue', '/v1/drafts', '/v1/drafts/{id}', '/v1/drafts/{id}/comments', '/v1/drafts/{id}/comments/{commentId}/resolve', '/v1/drafts/{id}/claim', '/v1/drafts/{id}/release', '/v1/drafts/{id}/transitions']),
      );
    });

    it('takes a draft from submitted through changes requested to published, and the author\'s devices see each state', async () => {
      const d = await draft();
      await d.inReview(h.rita);
      await d.expectOk(d.comment(h.rita, { body: 'Which tribunal? Cite the ruling.', field: 'rationale' }));
      await d.expectOk(d.move(h.rita, 'changes_requested'));
      const pulled = async () => {
        const page = (await d.device.pull()).json as { drafts: SyncDraft[] };
        return page.drafts.find((x) => x.id === d.id)!;
      };
      expect((await pulled()).fields.reviewState.v).toBe('changes_requested');
      await d.expectOk(d.edit({ type: 'text', field: 'rationale', base: 'The bot made up a policy.', value: 'The bot made up a policy; the Civil Resolution Tribunal ruled on it.' }));
      expect((await d.status()).state).toBe('changes_requested');
      await d.expectOk(d.move(h.editor, 'submitted'));
      await d.expectOk(d.claim(h.rita));
      await d.expectOk(d.move(h.rita, 'approved'));
      const published = (await d.expectOk(d.move(h.rita, 'published'))).json as Event;
      expect(published.publishedId).toMatch(/^INC-\d{6}$/);
      expect(await d.status()).toMatchObject({ state: 'published', publishedId: published.publishedId });
      expect((await pulled()).fields.reviewState.v).toBe('published');
      const mine = (await h.api.get('/v1/drafts?mine=true', { token: h.editor.token })).json as { items: { draftId: string; state: string; publishedId: string | null }[] };
      expect(mine.items.find((item) => item.draftId === d.id)).toMatchObject({ state: 'published', publishedId: published.publishedId });
      const entry = await h.api.get(`/v1/submissions/${published.publishedId}`, { token: h.editor.token });
      expect(entry.json).toMatchObject({ id: published.publishedId, draftId: d.id, status: 'accepted', archiveId: published.publishedId });
      // The audit trail: who, from, to, why, on which revision.
      const { events } = (await h.api.get(`/v1/drafts/${d.id}`, { token: h.rita.token })).json as { events: Event[] };
      expect(events.map((e) => `${e.action}:${e.from}>${e.to}`)).toEqual([
        'transition:draft>submitted', 'claim:submitted>in_review', 'transition:in_review>changes_requested',
        'transition:changes_requested>submitted', 'claim:submitted>in_review', 'transition:in_review>approved', 'transition:approved>published',
      ]);
      expect(events.every((e, i) => e.revision > e.decidedOn && (i === 0 || e.decidedOn >= events[i - 1]!.revision))).toBe(true);
      expect(events[0]!.by).toBe(h.editor.id);
      expect(events[2]!.by).toBe(h.rita.id);
    });

    it('lists only an author\'s drafts in one state when asked, however long ago they changed', async () => {
      const sentBack = await draft();
      await sentBack.inReview(h.rita);
      await sentBack.expectOk(sentBack.comment(h.rita, { body: 'Name the airline.', field: 'title' }));
      await sentBack.expectOk(sentBack.move(h.rita, 'changes_requested'));
      const waiting = await draft();
      await waiting.inReview(h.rita);
      const list = async (query: string) =>
        ((await h.api.get(`/v1/drafts?mine=true&${query}`, { token: h.editor.token })).json as { items: { draftId: string; state: string }[] }).items;
      const sentBackOnes = await list('state=changes_requested&limit=200');
      expect(sentBackOnes.map((item) => item.draftId)).toContain(sentBack.id);
      expect(sentBackOnes.map((item) => item.draftId)).not.toContain(waiting.id);
      expect(sentBackOnes.every((item) => item.state === 'changes_requested')).toBe(true);
      expect((await list('state=in_review')).map((item) => item.draftId)).toEqual(expect.arrayContaining([waiting.id]));
      expect((await h.api.get('/v1/drafts?mine=true&state=lost', { token: h.editor.token })).status).toBe(400);
    });

    it('keeps the draft a decision was made on, so the next reviewer sees what changed since', async () => {
      type Read = { draft: SyncDraft; lastReview: { event: Event; draft: SyncDraft } | null };
      const read = async () => (await h.api.get(`/v1/drafts/${d.id}`, { token: h.rex.token })).json as Read;
      const d = await draft();
      await d.inReview(h.rita);
      expect((await read()).lastReview).toBeNull();
      await d.expectOk(d.comment(h.rita, { body: 'Name the tribunal.', field: 'rationale' }));
      await d.expectOk(d.move(h.rita, 'changes_requested'));
      await d.expectOk(d.edit({ type: 'text', field: 'rationale', base: 'The bot made up a policy.', value: 'The bot made up a policy; a tribunal ruled on it.' }));
      await d.expectOk(d.move(h.editor, 'submitted'));
      await d.expectOk(d.claim(h.rex));
      const { draft: now, lastReview } = await read();
      expect(lastReview!.event).toMatchObject({ action: 'transition', to: 'changes_requested', by: h.rita.id });
      expect(lastReview!.draft.texts.rationale.v).toBe('The bot made up a policy.');
      expect(now.texts.rationale.v).toBe('The bot made up a policy; a tribunal ruled on it.');
      expect(lastReview!.draft.fields.title.v).toBe(now.fields.title.v);
      // Claims and releases are not decisions: the approval becomes the last review.
      await d.expectOk(d.move(h.rex, 'approved'));
      expect((await read()).lastReview!.event).toMatchObject({ to: 'approved', by: h.rex.id });
      expect((await read()).lastReview!.draft.texts.rationale.v).toBe('The bot made up a policy; a tribunal ruled on it.');
    });

    describe('who may move a draft', () => {
      const refused = async (reply: Promise<{ status: number; json: unknown }>, status: number, errorCode: string) => {
        const done = await reply;
        expect({ status: done.status, code: code(done.json) }).toEqual({ status, code: errorCode });
      };

      it('a draft: only its author submits; reviewers and other editors do not even see it', async () => {
        const d = await draft();
        await refused(d.move(h.rita, 'submitted', undefined, 0), 404, 'not_found');
        await refused(d.move(h.other, 'submitted', undefined, 0), 404, 'not_found');
        await refused(d.claim(h.rita, 0), 404, 'not_found');
        await refused(d.move(h.editor, 'approved'), 409, 'invalid_transition');
        await d.expectOk(d.move(h.editor, 'submitted'));
      });

      it('a draft missing what the archive requires is not submitted: 422 names each missing field; once they are there it is', async () => {
        const d = await new DraftUnderTest(h).create({ severity: undefined, texts: { rationale: 'The bot made up a policy.' }, lists: { codes: [], providers: [' '] } });
        const quoteIds = Object.keys(((await h.api.get(`/v1/drafts/${d.id}`, { token: h.editor.token })).json as { draft: SyncDraft }).draft.quotes);
        await d.expectOk(d.edit({ type: 'removeQuote', quoteId: quoteIds[0] }));
        const reply = await d.move(h.editor, 'submitted');
        expect(reply.status).toBe(422);
        const error = (reply.json as { error: { code: string; message: string; fields: { path: string }[] } }).error;
        expect(error.code).toBe('requirements_unmet');
        expect(error.fields.map((field) => field.path)).toEqual(['severity', 'codes', 'providers', 'counterfactual', 'sources']);
        expect(error.message).toContain('a severity, at least one code, a provider, the but-for test, at least one quoted source');
        expect((await d.status()).state).toBe('draft');
        await d.expectOk(d.edit({ type: 'set', field: 'severity', value: 'SEV-3' }));
        await d.expectOk(d.edit({ type: 'list', field: 'codes', add: ['M2'] }));
        await d.expectOk(d.edit({ type: 'list', field: 'providers', add: ['OpenAI'] }));
        await d.expectOk(d.edit({ type: 'text', field: 'counterfactual', base: '', value: 'Without it, nobody is misled.' }));
        const sourceId = randomUUID();
        const url = `https://news.example/${randomUUID()}`;
        await d.expectOk(d.edit({ type: 'putSource', sourceId, values: { url, originalUrl: url, accessedAt: '2026-01-01T00:00:00Z' } }));
        const still = await d.move(h.editor, 'submitted');
        expect((still.json as { error: { fields: { path: string }[] } }).error.fields.map((field) => field.path)).toEqual(['sources']);
        await d.expectOk(d.edit({ type: 'putQuote', quoteId: randomUUID(), values: { sourceId, url, quote: 'The airline must pay.', selectors: { quote: { type: 'TextQuoteSelector', exact: 'The airline must pay.', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 21 } }, createdAt: '2026-01-01T00:00:00Z' } }));
        await d.expectOk(d.move(h.editor, 'submitted'));
        expect((await d.status()).state).toBe('submitted');
      });

      it('submitted: the author may not claim, approve or publish; a reviewer may not approve without the claim; the author withdraws and resubmits', async () => {
        const d = await draft();
        await d.expectOk(d.move(h.editor, 'submitted'));
        await refused(d.claim(h.editor), 403, 'forbidden');
        await refused(d.move(h.editor, 'approved'), 409, 'invalid_transition');
        await refused(d.move(h.rita, 'approved'), 409, 'invalid_transition');
        await refused(d.move(h.rita, 'withdrawn'), 403, 'forbidden');
        await d.expectOk(d.move(h.editor, 'withdrawn'));
        await refused(d.claim(h.rita), 409, 'invalid_transition');
        await d.expectOk(d.move(h.editor, 'submitted'));
        expect((await d.status()).state).toBe('submitted');
      });

      it('in review: only the claimant decides; a rejection needs a reason and changes need a comment; the author cannot withdraw', async () => {
        const d = await draft();
        await d.inReview(h.rita);
        for (const to of ['approved', 'rejected', 'changes_requested']) {
          await refused(d.move(h.editor, to, 'because'), 403, 'forbidden');
          await refused(d.move(h.rex, to, 'because'), 403, 'forbidden');
        }
        await refused(d.move(h.editor, 'withdrawn'), 409, 'invalid_transition');
        await refused(d.move(h.rita, 'rejected'), 400, 'validation_failed');
        await refused(d.move(h.rita, 'changes_requested'), 409, 'comment_required');
        await refused(d.move(h.rita, 'published'), 409, 'invalid_transition');
        const rejected = (await d.expectOk(d.move(h.rita, 'rejected', 'Not an AI incident.'))).json as Event;
        expect(rejected).toMatchObject({ from: 'in_review', to: 'rejected', reason: 'Not an AI incident.', by: h.rita.id });
        await refused(d.move(h.editor, 'submitted'), 409, 'invalid_transition');
      });

      it('approved: the author may not publish; a reviewer who is not the author does; then nothing moves it and sync edits are refused', async () => {
        const d = await draft();
        await d.inReview(h.rita);
        await d.expectOk(d.move(h.rita, 'approved'));
        await refused(d.move(h.editor, 'published'), 403, 'forbidden');
        await refused(d.move(h.editor, 'withdrawn'), 409, 'invalid_transition');
        await d.expectOk(d.move(h.rex, 'published'));
        await refused(d.move(h.editor, 'withdrawn'), 409, 'invalid_transition');
        const edit = await d.edit({ type: 'set', field: 'title', value: 'Changed after publishing' });
        expect((edit.json as { results: { status: string; reason?: string }[] }).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^forbidden/) });
      });

      it('a reviewer who wrote the draft cannot claim or approve it', async () => {
        const d = await draft(h.rex);
        await d.expectOk(d.move(h.rex, 'submitted'));
        await refused(d.claim(h.rex), 403, 'forbidden');
      });

      it('the review state cannot be set through a sync op', async () => {
        const d = await draft();
        const reply = await d.edit({ type: 'set', field: 'reviewState', value: 'submitted' });
        expect((reply.json as { results: { status: string; reason?: string }[] }).results[0]).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^forbidden/) });
        expect((await d.status()).state).toBe('draft');
      });

      it('only editors\' own drafts are listed, and the queue is for reviewers', async () => {
        const d = await draft();
        const others = (await h.api.get('/v1/drafts', { token: h.other.token })).json as { items: { draftId: string }[] };
        expect(others.items.some((item) => item.draftId === d.id)).toBe(false);
        expect((await h.api.get('/v1/review/queue', { token: h.editor.token })).status).toBe(403);
      });
    });

    it('gives one of two concurrent claims the draft and tells the other who holds it', async () => {
      const d = await draft();
      await d.expectOk(d.move(h.editor, 'submitted'));
      const revision = await d.revision();
      const replies = await Promise.all([d.claim(h.rita, revision), d.claim(h.rex, revision)]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = replies[0]!.status === 200 ? h.rita : h.rex;
      const loser = replies.find((r) => r.status === 409)!;
      expect(code(loser.json)).toBe('already_claimed');
      expect((loser.json as ErrorBody).error.message).toContain(winner.name);
      expect((await d.status()).claim).toMatchObject({ userId: winner.id, name: winner.name });
      const claims = await h.db.query<{ n: number }>(`select count(*)::int as n from review_events where draft_id = $1 and action = 'claim'`, [d.id]);
      expect(claims[0]!.n).toBe(1);
    });

    it('refuses an approval decided on a stale revision; an author\'s edit after approval reopens review', async () => {
      const d = await draft();
      await d.inReview(h.rita);
      const seen = await d.revision();
      await d.expectOk(d.edit({ type: 'set', field: 'title', value: 'Airline chatbot invents a refund policy' }));
      const stale = await d.move(h.rita, 'approved', undefined, seen);
      expect({ status: stale.status, code: code(stale.json) }).toEqual({ status: 409, code: 'stale_revision' });
      expect(await d.status()).toMatchObject({ state: 'submitted', claim: null });
      // Approved on the new revision, then edited again: back to the queue, with the reopening in the audit trail.
      await d.expectOk(d.claim(h.rita));
      await d.expectOk(d.move(h.rita, 'approved'));
      await d.expectOk(d.edit({ type: 'list', field: 'codes', add: ['M1'] }));
      expect((await d.status()).state).toBe('submitted');
      const { events } = (await h.api.get(`/v1/drafts/${d.id}`, { token: h.rita.token })).json as { events: Event[] };
      expect(events.filter((e) => e.action === 'reopen').map((e) => `${e.from}>${e.to}:${e.by}`)).toEqual([`in_review>submitted:${h.editor.id}`, `approved>submitted:${h.editor.id}`]);
    });

    it('publishes once: a retried publish returns the same INC id and no second entry', async () => {
      const d = await draft();
      await d.inReview(h.rita);
      await d.expectOk(d.move(h.rita, 'approved'));
      const revision = await d.revision();
      const [a, b] = await Promise.all([d.move(h.rita, 'published', undefined, revision), d.move(h.rita, 'published', undefined, revision)]);
      const again = await d.move(h.rita, 'published'); // made on the newer copy
      const byOther = await d.move(h.rex, 'published', undefined, revision);
      const ids = [a, b, again, byOther].map((r) => (r.json as Event).publishedId);
      expect([a.status, b.status, again.status, byOther.status]).toEqual([200, 200, 200, 200]);
      expect(new Set(ids).size).toBe(1);
      expect(ids[0]).toMatch(/^INC-/);
      const rows = await h.db.query<{ n: number }>('select count(*)::int as n from submissions where draft_id = $1', [d.id]);
      expect(rows[0]!.n).toBe(1);
    });

    it('takes a one-shot submission whose lists hold a blank name into the queue, without the blank (it was a 500)', async () => {
      const draftId = randomUUID();
      const body = { ...REQUIRED, draftId, title: 'Blank provider', providers: ['', 'OpenAI'], tags: [' '], sources: [{ url: `https://news.example/${randomUUID()}`, quotes: ['A quote.'] }] };
      const sent = await h.api.post('/v1/submissions', { token: h.editor.token, key: randomUUID(), json: body });
      expect(sent.status).toBe(201);
      const read = (await h.api.get(`/v1/drafts/${draftId}`, { token: h.rita.token })).json as { status: { state: string }; draft: SyncDraft };
      expect(read.status.state).toBe('submitted');
      expect(read.draft.lists.providers).toEqual(['OpenAI']);
      expect(read.draft.lists.tags).toEqual([]);
    });

    it('takes a one-shot POST /v1/submissions into the queue as a submitted draft; publishing it keeps its INC id', async () => {
      const draftId = randomUUID();
      const url = `https://news.example/${randomUUID()}`;
      const body = { ...REQUIRED, draftId, title: 'Sent by a script', sources: [{ url, quotes: ['The airline must honour the refund.'] }] };
      const key = randomUUID();
      const sent = await h.api.post('/v1/submissions', { token: h.editor.token, key, json: body });
      expect(sent.status).toBe(201);
      const inc = (sent.json as { id: string }).id;
      const d = new DraftUnderTest(h, h.editor, draftId);
      const read = (await h.api.get(`/v1/drafts/${draftId}`, { token: h.rita.token })).json as { status: { state: string }; draft: SyncDraft; events: Event[] };
      expect(read.status.state).toBe('submitted');
      expect(read.draft.fields.title.v).toBe('Sent by a script');
      expect(read.draft.lists.codes).toEqual(['M1']);
      expect(Object.values(read.draft.sources).map((s) => s.fields.url!.v)).toEqual([url]);
      expect(Object.values(read.draft.quotes).map((q) => q.fields.quote!.v)).toEqual(['The airline must honour the refund.']);
      expect(read.events.map((e) => `${e.from}>${e.to}:${e.by}`)).toEqual([`draft>submitted:${h.editor.id}`]);
      const again = await h.api.post('/v1/submissions', { token: h.editor.token, key, json: body });
      expect(again.text).toBe(sent.text);
      await d.expectOk(d.claim(h.rita));
      await d.expectOk(d.move(h.rita, 'approved'));
      const published = (await d.expectOk(d.move(h.rita, 'published'))).json as Event;
      expect(published.publishedId).toBe(inc);
      expect((await h.api.get(`/v1/submissions/${inc}`, { token: h.editor.token })).json).toMatchObject({ status: 'accepted', archiveId: inc });
      const rows = await h.db.query<{ n: number }>('select count(*)::int as n from review_events where draft_id = $1 and to_state = $2', [draftId, 'submitted']);
      expect(rows[0]!.n).toBe(1);
    });

    it('submits the author\'s synced copy when POST /v1/submissions names a draft they already sync; another editor\'s draft is left alone', async () => {
      const d = await draft();
      const body = (draftId: string) => ({ ...REQUIRED, draftId, title: 'A different title in the request', sources: [{ url: `https://news.example/${randomUUID()}`, quotes: ['A quote.'] }] });
      expect((await h.api.post('/v1/submissions', { token: h.editor.token, key: randomUUID(), json: body(d.id) })).status).toBe(201);
      const read = (await h.api.get(`/v1/drafts/${d.id}`, { token: h.rita.token })).json as { status: { state: string }; draft: SyncDraft };
      expect(read.status.state).toBe('submitted');
      expect(read.draft.fields.title.v).toBe('Chatbot invents a refund policy');
      const others = await draft(h.other);
      expect((await h.api.post('/v1/submissions', { token: h.editor.token, key: randomUUID(), json: body(others.id) })).status).toBe(201);
      expect((await others.status()).state).toBe('draft');
    });

    it('reads each quote with its evidence hashes: of its exact text, and of its page as the clipping device recorded it', async () => {
      const d = await draft();
      const sourceId = randomUUID();
      const url = `https://news.example/${randomUUID()}`;
      const [recorded, unrecorded] = [randomUUID(), randomUUID()];
      const page = createHash('sha256').update('The whole article as clipped.').digest('hex');
      const selectors = (exact: string) => ({ quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: exact.length } });
      await d.expectOk(d.edit({ type: 'putSource', sourceId, values: { url, originalUrl: url, accessedAt: '2026-01-01T00:00:00Z' } }));
      await d.expectOk(d.edit({ type: 'putQuote', quoteId: recorded, values: { sourceId, url, quote: 'Ça coûte 12 €.', selectors: selectors('Ça coûte 12 €.'), createdAt: '2026-01-01T00:00:00Z', evidenceSha256: page } }));
      await d.expectOk(d.edit({ type: 'putQuote', quoteId: unrecorded, values: { sourceId, url, quote: 'No copy kept.', selectors: selectors('No copy kept.'), createdAt: '2026-01-01T00:00:00Z' } }));
      await d.expectOk(d.move(h.editor, 'submitted'));
      type Evidence = { quoteId: string; sourceId: string | null; quoteSha256: string; pageSha256: string | null };
      const read = async () => ((await h.api.get(`/v1/drafts/${d.id}`, { token: h.rita.token })).json as { evidence: Evidence[] }).evidence;
      const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
      const evidence = await read();
      expect(evidence).toHaveLength(3);
      expect(evidence.find((e) => e.quoteId === recorded)).toEqual({ quoteId: recorded, sourceId, quoteSha256: sha('Ça coûte 12 €.'), pageSha256: page });
      expect(evidence.find((e) => e.quoteId === unrecorded)).toEqual({ quoteId: unrecorded, sourceId, quoteSha256: sha('No copy kept.'), pageSha256: null });
      await d.expectOk(d.edit({ type: 'putQuote', quoteId: recorded, values: { quote: 'Ça coûte 13 €.' } }));
      await d.expectOk(d.edit({ type: 'removeQuote', quoteId: unrecorded }));
      const after = await read();
      expect(after.map((e) => e.quoteId)).not.toContain(unrecorded);
      expect(after.find((e) => e.quoteId === recorded)!.quoteSha256).toBe(sha('Ça coûte 13 €.'));
    });

    it('answers a replayed transition with the same answer and records it once', async () => {
      const d = await draft();
      const revision = await d.revision();
      const first = await d.move(h.editor, 'submitted', undefined, revision);
      const second = await d.move(h.editor, 'submitted', undefined, revision);
      expect(second.json).toEqual(first.json);
      const rows = await h.db.query<{ n: number }>('select count(*)::int as n from review_events where draft_id = $1', [d.id]);
      expect(rows[0]!.n).toBe(1);
    });

    it('keeps another editor out of a draft, its comments and its moves (404), even once submitted', async () => {
      const d = await draft();
      await d.expectOk(d.move(h.editor, 'submitted'));
      for (const reply of [
        await h.api.get(`/v1/drafts/${d.id}`, { token: h.other.token }),
        await h.api.get(`/v1/drafts/${d.id}/comments`, { token: h.other.token }),
        await d.comment(h.other, { body: 'Mine now' }),
        await d.move(h.other, 'withdrawn'),
      ]) expect(reply.status).toBe(404);
      const read = (await h.api.get(`/v1/drafts/${d.id}`, { token: h.rita.token })).json as { draft: SyncDraft };
      expect(read.draft.fields.title.v).toBe('Chatbot invents a refund policy');
    });

    it('marks a comment outdated when the field or quote it points at changes, keeping what it quoted; threads and resolves', async () => {
      const d = await draft();
      const sourceId = randomUUID();
      const quoteId = randomUUID();
      const url = `https://news.example/${randomUUID()}`;
      await d.expectOk(d.edit({ type: 'putSource', sourceId, values: { url, originalUrl: url, accessedAt: '2026-01-01T00:00:00Z' } }));
      const quote = { sourceId, quote: 'The airline must honour the refund.', createdAt: '2026-01-01T00:00:00Z', selectors: { quote: { type: 'TextQuoteSelector', exact: 'The airline must honour the refund.', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 35 } } };
      await d.expectOk(d.edit({ type: 'putQuote', quoteId, values: quote }));
      await d.expectOk(d.move(h.editor, 'submitted'));
      const onTitle = (await d.expectOk(d.comment(h.rita, { body: 'Name the airline.', field: 'title' }))).json as CommentJson;
      const onQuote = (await d.expectOk(d.comment(h.rita, { body: 'Is this the ruling?', quoteId }))).json as CommentJson;
      const reply = (await d.expectOk(d.comment(h.editor, { body: 'Air Canada; will fix.', parentId: onTitle.id }))).json as CommentJson;
      expect(onTitle).toMatchObject({ field: 'title', quotedText: 'Chatbot invents a refund policy', outdated: false });
      expect(onQuote).toMatchObject({ quoteId, quotedText: 'The airline must honour the refund.', outdated: false });
      expect(reply.parentId).toBe(onTitle.id);
      expect((await d.comment(h.rita, { body: 'x', quoteId: randomUUID() })).status).toBe(400);

      await d.expectOk(d.edit({ type: 'set', field: 'title', value: 'Air Canada chatbot invents a refund policy' }));
      const list = async () => ((await h.api.get(`/v1/drafts/${d.id}/comments`, { token: h.editor.token })).json as { comments: CommentJson[] }).comments;
      let comments = await list();
      expect(comments.find((c) => c.id === onTitle.id)).toMatchObject({ outdated: true, quotedText: 'Chatbot invents a refund policy', replies: [reply.id] });
      expect(comments.find((c) => c.id === onQuote.id)!.outdated).toBe(false);

      await d.expectOk(d.edit({ type: 'putQuote', quoteId, values: { quote: 'The airline must pay.' } }));
      comments = await list();
      expect(comments.find((c) => c.id === onQuote.id)).toMatchObject({ outdated: true, quotedText: 'The airline must honour the refund.' });

      const resolved = await d.expectOk(h.api.post(`/v1/drafts/${d.id}/comments/${onTitle.id}/resolve`, { token: h.editor.token, json: { resolved: true } }));
      expect((resolved.json as CommentJson).resolved).toMatchObject({ by: h.editor.id });
    });

    it('lets a claim expire by the server\'s clock: the claimant can no longer decide, another reviewer takes it over', async () => {
      const d = await draft();
      await d.inReview(h.rita);
      const queue = async (claimed: string, user: User) =>
        ((await h.api.get(`/v1/review/queue?claimed=${claimed}&limit=200&state=in_review`, { token: user.token })).json as { items: { draftId: string }[] }).items.map((i) => i.draftId);
      expect(await queue('me', h.rita)).toContain(d.id);
      expect(await queue('none', h.rex)).not.toContain(d.id);
      const refusedTakeover = await d.claim(h.rex);
      expect(code(refusedTakeover.json)).toBe('already_claimed');
      h.advance(31 * 60_000);
      expect((await d.status()).claim).toBeNull();
      expect(await queue('none', h.rex)).toContain(d.id);
      const late = await d.move(h.rita, 'approved');
      expect({ status: late.status, code: code(late.json) }).toEqual({ status: 409, code: 'claim_expired' });
      await d.expectOk(d.claim(h.rex));
      expect((await d.status()).claim).toMatchObject({ userId: h.rex.id });
      expect(code((await d.release(h.rita)).json)).toBe('not_claimed');
      await d.expectOk(d.release(h.rex));
      expect(await d.status()).toMatchObject({ state: 'submitted', claim: null });
    });

    it('filters the queue by provider, code, severity, claim and age, oldest first, paged, with counts per state', async () => {
      const provider = `Provider ${randomUUID()}`;
      const drafts: DraftUnderTest[] = [];
      for (const [i, severity] of ['SEV-2', 'SEV-3', 'SEV-2'].entries()) {
        const d = await draft();
        await d.expectOk(d.edit({ type: 'list', field: 'providers', add: [provider] }));
        await d.expectOk(d.edit({ type: 'list', field: 'codes', add: i === 1 ? ['M1'] : ['F3'] }));
        await d.expectOk(d.edit({ type: 'set', field: 'severity', value: severity }));
        await d.expectOk(d.move(h.editor, 'submitted'));
        drafts.push(d);
        h.advance(10 * HOUR);
      }
      const ids = drafts.map((d) => d.id);
      const get = async (query: string, user: User = h.rita) => {
        const reply = await h.api.get(`/v1/review/queue?provider=${encodeURIComponent(provider)}${query}`, { token: user.token });
        expect(reply.status).toBe(200);
        return reply.json as { items: { draftId: string; claim: unknown }[]; total: number; counts: Record<string, number>; nextOffset: number | null };
      };
      const first = await get('&limit=2');
      expect(first.items.map((i) => i.draftId)).toEqual(ids.slice(0, 2));
      expect(first).toMatchObject({ total: 3, nextOffset: 2 });
      expect(first.counts.submitted).toBeGreaterThanOrEqual(3);
      expect(Object.keys(first.counts)).toEqual(expect.arrayContaining(['submitted', 'in_review', 'changes_requested', 'approved', 'published', 'rejected', 'withdrawn']));
      expect((await get('&limit=2&offset=2')).items.map((i) => i.draftId)).toEqual([ids[2]]);
      expect((await get('&order=newest')).items.map((i) => i.draftId)).toEqual([...ids].reverse());
      expect((await get('&severity=SEV-2')).items.map((i) => i.draftId)).toEqual([ids[0], ids[2]]);
      expect((await get('&code=M1')).items.map((i) => i.draftId)).toEqual([ids[1]]);
      expect((await get('&minAgeHours=15')).items.map((i) => i.draftId)).toEqual(ids.slice(0, 2));
      expect((await get('&maxAgeHours=25')).items.map((i) => i.draftId)).toEqual(ids.slice(1));
      await drafts[1]!.expectOk(drafts[1]!.claim(h.rita));
      expect((await get('&claimed=me')).items.map((i) => i.draftId)).toEqual([ids[1]]);
      expect((await get('&claimed=none')).items.map((i) => i.draftId)).toEqual([ids[0], ids[2]]);
      expect((await get('&claimed=me', h.rex)).items).toEqual([]);
      expect((await get('&state=submitted')).items.map((i) => i.draftId)).toEqual([ids[0], ids[2]]);
      expect((await h.api.get('/v1/review/queue?state=bogus', { token: h.rita.token })).status).toBe(400);
    });
  });
}
