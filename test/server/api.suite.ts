/**
 * The archive API, end to end over HTTP, against one backend (PGlite or PostgreSQL).
 * Every reply is also checked against the server's own OpenAPI document (see support/harness.ts).
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/index.ts';
import { startArchiveServer, type ArchiveServerOptions } from '../../server/index.ts';
import { boundaryRequest, type BoundaryRequest } from './support/boundary.ts';
import { Api, startHarness, submission, type Harness } from './support/harness.ts';
import { rawRequest } from './support/raw-http.ts';

export interface Backend {
  /** Options for one more server on this backend (a fresh data dir, or the shared test database). */
  serverOptions(): Promise<ArchiveServerOptions>;
  stop(): Promise<void>;
}

type ErrorBody = { error: { code: string; message: string; fields: { path: string; message: string }[] } };
const err = (json: unknown) => (json as ErrorBody).error;
const paths = (json: unknown) => err(json).fields.map((field) => field.path);

export function defineApiSuite(name: string, makeBackend: () => Promise<Backend>): void {
  describe(`archive API on ${name}`, () => {
    let backend: Backend;
    let h: Harness;
    let api: Api;

    beforeAll(async () => {
      backend = await makeBackend();
      h = await startHarness({ ...(await backend.serverOptions()), corsOrigins: ['https://archive-admin.example'] });
      api = h.api;
    });
    afterAll(async () => {
      await h?.server.close();
      await backend?.stop();
    });

    const submit = (token: string, body: unknown, key: string = randomUUID()) => api.post('/v1/submissions', { token, json: body, key });
    /** A reviewer claims the submitted draft and decides it through the review workflow. */
    const decide = async (draftId: string, ...moves: { to: string; reason?: string }[]) => {
      const revision = async () => ((await api.get(`/v1/drafts/${draftId}`, { token: h.reviewer })).json as { status: { revision: number } }).status.revision;
      expect((await api.post(`/v1/drafts/${draftId}/claim`, { token: h.reviewer, json: { revision: await revision() } })).status).toBe(200);
      for (const move of moves) expect((await api.post(`/v1/drafts/${draftId}/transitions`, { token: h.reviewer, json: { ...move, revision: await revision() } })).status).toBe(200);
    };

    describe('OpenAPI document', () => {
      it('is OpenAPI 3.1, generated from the contract, and lists every endpoint', async () => {
        const reply = await api.get('/v1/openapi.json');
        expect(reply.status).toBe(200);
        const doc = reply.json as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, { additionalProperties?: boolean }> } };
        expect(doc.openapi).toBe('3.1.0');
        expect(Object.keys(doc.paths)).toEqual(
          expect.arrayContaining(['/healthz', '/v1/taxonomy', '/v1/me', '/v1/submissions', '/v1/submissions/{id}', '/v1/submissions/{id}/review', '/v1/sources', '/v1/users']),
        );
        expect(doc.components.schemas.SubmissionRequest?.additionalProperties).toBe(false);
        expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Error', 'Taxonomy', 'Me', 'Submission', 'SourcesLookup']));
      });
    });

    describe('GET /v1/taxonomy', () => {
      it('is public and holds codes with groups, providers with domains, and the four severities', async () => {
        const reply = await api.get('/v1/taxonomy');
        expect(reply.status).toBe(200);
        const taxonomy = reply.json as { codes: { code: string; label: string; group?: string }[]; providers: { name: string; domains: string[] }[]; severities: { level: string; definition: string }[] };
        expect(taxonomy.codes.length).toBeGreaterThanOrEqual(20);
        expect(taxonomy.codes.length).toBeLessThanOrEqual(40);
        expect(taxonomy.codes.every((code) => code.label && code.group)).toBe(true);
        expect(taxonomy.codes.map((code) => code.code)).toEqual(expect.arrayContaining(['M1', 'F10']));
        expect(new Set(taxonomy.codes.map((code) => code.code)).size).toBe(taxonomy.codes.length);
        const openai = taxonomy.providers.find((provider) => provider.name === 'OpenAI');
        expect(openai?.domains).toEqual(expect.arrayContaining(['openai.com', 'chatgpt.com']));
        for (const provider of ['Google', 'Anthropic', 'Meta', 'Microsoft', 'xAI', 'Amazon', 'Apple', 'Tesla', 'ByteDance', 'Baidu', 'Stability AI', 'Midjourney']) {
          expect(taxonomy.providers.find((p) => p.name === provider)?.domains.length, provider).toBeGreaterThan(0);
        }
        expect(taxonomy.providers.some((p) => p.name.startsWith('Mistral'))).toBe(true);
        expect(taxonomy.severities.map((s) => s.level)).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
        expect(taxonomy.severities.every((s) => s.definition.length > 20)).toBe(true);
      });

      it('says what a draft needs before it is submitted: the seed requires title, severity, a code, a provider, rationale, but-for test and a quoted source', async () => {
        const reply = await api.get('/v1/taxonomy');
        const { requiredToSubmit } = reply.json as { requiredToSubmit: string[] };
        expect([...requiredToSubmit].sort()).toEqual(['code', 'counterfactual', 'provider', 'quotedSource', 'rationale', 'severity', 'title']);
      });
    });

    describe('GET /v1/me and tokens', () => {
      it('names the token\'s user and role', async () => {
        const reply = await api.get('/v1/me', { token: h.reviewer });
        expect(reply.status).toBe(200);
        expect(reply.json).toMatchObject({ archive: 'incident-archive', apiVersion: 'v1', user: { name: 'Rita Reviewer', role: 'reviewer' } });
      });

      it.each([
        ['no Authorization header', {}],
        ['an unknown token', { authorization: 'Bearer ica_not-a-real-token' }],
        ['a Basic credential', { authorization: 'Basic YWxpY2U6c2VjcmV0' }],
        ['an empty bearer', { authorization: 'Bearer ' }],
      ])('answers 401 JSON for %s', async (_label, headers: Record<string, string>) => {
        const reply = await api.get('/v1/me', { headers });
        expect(reply.status).toBe(401);
        expect(reply.headers.get('content-type')).toMatch(/application\/json/);
        expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(err(reply.json).code).toBe('unauthorized');
      });

      it('does not accept the token\'s hash in place of the token', async () => {
        const { createHash } = await import('node:crypto');
        const hash = createHash('sha256').update(h.editor).digest('hex');
        expect((await api.get('/v1/me', { token: hash })).status).toBe(401);
      });
    });

    describe('POST /v1/submissions', () => {
      it('creates a submission with an archive id from a sequence and a server timestamp', async () => {
        const before = Date.now();
        const first = await submit(h.editor, submission());
        const second = await submit(h.editor, submission());
        const after = Date.now();
        expect(first.status).toBe(201);
        expect(second.status).toBe(201);
        const a = first.json as { id: string; status: string; archiveId: string | null; receivedAt: string };
        const b = second.json as { id: string };
        expect(a.id).toMatch(/^INC-\d{6,}$/);
        expect(Number(b.id.slice(4))).toBeGreaterThan(Number(a.id.slice(4)));
        expect(a.status).toBe('received');
        expect(a.archiveId).toBeNull();
        const received = Date.parse(a.receivedAt);
        expect(received).toBeGreaterThanOrEqual(before - 1000);
        expect(received).toBeLessThanOrEqual(after + 1000);
        expect(first.headers.get('location')).toBe(`/v1/submissions/${a.id}`);
      });

      it('ignores client timestamps: receivedAt is the server\'s even when the source claims a far-off access time', async () => {
        const body = submission();
        body.sources[0]!.accessedAt = '1999-01-01T00:00:00Z';
        const reply = await submit(h.editor, body);
        expect(Math.abs(Date.parse((reply.json as { receivedAt: string }).receivedAt) - Date.now())).toBeLessThan(60_000);
      });

      it('reads back with GET for its author and for reviewers, but not for other editors', async () => {
        const created = (await submit(h.editor, submission({ title: 'Readable' }))).json as { id: string };
        const own = await api.get(`/v1/submissions/${created.id}`, { token: h.editor });
        expect(own.status).toBe(200);
        expect(own.json).toEqual(created);
        expect((await api.get(`/v1/submissions/${created.id}`, { token: h.reviewer })).status).toBe(200);
        const other = await api.get(`/v1/submissions/${created.id}`, { token: h.otherEditor });
        expect(other.status).toBe(404);
        expect(err(other.json).code).toBe('not_found');
        expect((await api.get('/v1/submissions/INC-999999', { token: h.reviewer })).status).toBe(404);
        expect((await api.get(`/v1/submissions/${created.id}`)).status).toBe(401);
      });

      it('accepts a body just under the 1 MiB limit and refuses a larger one with 413', async () => {
        const quotes = Array.from({ length: 45 }, () => 'q'.repeat(20_000));
        const big = submission({ sources: [{ url: 'https://big.example/a', quotes }] });
        expect(JSON.stringify(big).length).toBeLessThan(1024 * 1024);
        expect((await submit(h.editor, big)).status).toBe(201);
        const huge = submission({ sources: [{ url: 'https://big.example/b', quotes: [...quotes, ...quotes.slice(0, 10)] }] });
        const reply = await submit(h.editor, huge);
        expect(reply.status).toBe(413);
        expect(err(reply.json).code).toBe('payload_too_large');
        const noToken = await api.post('/v1/submissions', { body: 'x'.repeat(3 * 1024 * 1024), key: randomUUID() });
        expect(noToken.status).toBe(413);
      });

      it('answers malformed JSON with 400 malformed_json', async () => {
        const reply = await api.post('/v1/submissions', { token: h.editor, key: randomUUID(), body: '{"title": "unterminated' });
        expect(reply.status).toBe(400);
        expect(err(reply.json).code).toBe('malformed_json');
      });

      it('names every invalid field by its path', async () => {
        const body = { ...submission(), title: 42, severity: 'SEV-9', sources: [{ url: 'ftp://example.com/x', quotes: [] }] };
        const reply = await submit(h.editor, body);
        expect(reply.status).toBe(400);
        expect(err(reply.json).code).toBe('validation_failed');
        expect(paths(reply.json)).toEqual(expect.arrayContaining(['title', 'severity', 'sources.0.url', 'sources.0.quotes']));
      });

      it('refuses a submission missing what the archive requires (422 requirements_unmet naming each field) and stores nothing', async () => {
        const body = submission({ severity: undefined, codes: [], providers: ['  '], counterfactual: '' });
        const reply = await submit(h.editor, body);
        expect(reply.status).toBe(422);
        expect(err(reply.json).code).toBe('requirements_unmet');
        expect(paths(reply.json)).toEqual(['severity', 'codes', 'providers', 'counterfactual']);
        expect(err(reply.json).message).toContain('a severity, at least one code, a provider, the but-for test');
        expect((await api.get(`/v1/drafts/${body.draftId}`, { token: h.reviewer })).status).toBe(404);
        const complete = await submit(h.editor, { ...body, severity: 'SEV-2', codes: ['M1'], providers: ['OpenAI'], counterfactual: 'Without it, nobody is misled.' });
        expect(complete.status).toBe(201);
      });

      it('refuses unknown fields, top-level and nested', async () => {
        const base = submission();
        const body = { ...base, isAdmin: true, sources: [{ ...base.sources[0], score: 3 }] };
        const reply = await submit(h.editor, body);
        expect(reply.status).toBe(400);
        expect(paths(reply.json)).toEqual(expect.arrayContaining(['isAdmin', 'sources.0.score']));
      });

      it('refuses a source url or originalUrl that is not http(s): javascript:, data:, file:', async () => {
        const base = submission();
        for (const bad of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
          for (const field of ['url', 'originalUrl'] as const) {
            const reply = await submit(h.editor, { ...base, sources: [{ ...base.sources[0]!, [field]: bad }] });
            expect(reply.status, `${field} ${bad}`).toBe(400);
            expect(paths(reply.json), `${field} ${bad}`).toEqual([`sources.0.${field}`]);
          }
        }
        const fine = await submit(h.editor, { ...base, sources: [{ ...base.sources[0]!, originalUrl: 'http://news.example/a?utm_source=x' }] });
        expect(fine.status).toBe(201);
      });

      it.each([
        ['missing', undefined],
        ['too short', 'abc'],
        ['with spaces', 'not a valid key'],
        ['too long', 'k'.repeat(201)],
      ])('refuses an Idempotency-Key that is %s', async (_label, key) => {
        const reply = await api.post('/v1/submissions', { token: h.editor, json: submission(), ...(key ? { key } : {}) });
        expect(reply.status).toBe(400);
        expect(err(reply.json).code).toBe('invalid_idempotency_key');
        expect(paths(reply.json)).toEqual(['Idempotency-Key']);
      });

      it('refuses a non-JSON content type with 415 and checks the token before the body', async () => {
        const reply = await api.post('/v1/submissions', { token: h.editor, key: randomUUID(), body: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        expect(reply.status).toBe(415);
        expect((await api.post('/v1/submissions', { body: '{bad', key: randomUUID() })).status).toBe(401);
        expect((await api.post('/v1/submissions', { token: 'ica_wrong', json: submission(), key: randomUUID() })).status).toBe(401);
      });
    });

    describe('idempotency', () => {
      it('replays the first response byte for byte, even after the submission changed', async () => {
        const key = randomUUID();
        const body = submission();
        const first = await submit(h.editor, body, key);
        expect(first.status).toBe(201);
        const id = (first.json as { id: string }).id;
        await decide(body.draftId, { to: 'approved' }, { to: 'published' });
        expect(((await api.get(`/v1/submissions/${id}`, { token: h.editor })).json as { status: string }).status).toBe('accepted');
        const again = await submit(h.editor, body, key);
        expect(again.status).toBe(201);
        expect(again.text).toBe(first.text);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
      });

      it('treats the same body with keys in another order as the same request', async () => {
        const key = randomUUID();
        const body = submission();
        const first = await submit(h.editor, body, key);
        const reordered = Object.fromEntries(Object.entries(body).reverse());
        const again = await api.post('/v1/submissions', { token: h.editor, body: JSON.stringify(reordered), key });
        expect(again.status).toBe(201);
        expect(again.text).toBe(first.text);
      });

      it('answers 422 when the same key comes with a different body', async () => {
        const key = randomUUID();
        const body = submission();
        expect((await submit(h.editor, body, key)).status).toBe(201);
        const reply = await submit(h.editor, { ...body, title: 'Something else' }, key);
        expect(reply.status).toBe(422);
        expect(err(reply.json).code).toBe('idempotency_key_reused');
      });

      it('scopes keys to the user: another user\'s same key is a new submission', async () => {
        const key = randomUUID();
        const body = submission();
        const mine = (await submit(h.editor, body, key)).json as { id: string };
        const theirs = await submit(h.otherEditor, { ...body, draftId: randomUUID() }, key);
        expect(theirs.status).toBe(201);
        expect((theirs.json as { id: string }).id).not.toBe(mine.id);
      });

      it('answers a retry with its stored response even after the archive began requiring a field the draft lacks', async () => {
        const options = await backend.serverOptions();
        const before = await startHarness(options);
        const body = submission({ summary: '' });
        const key = randomUUID();
        const sameDraftKey = randomUUID();
        const first = await before.api.post('/v1/submissions', { token: before.editor, json: body, key });
        expect(first.status).toBe(201);
        const sameDraft = await before.api.post('/v1/submissions', { token: before.editor, json: body, key: sameDraftKey });
        expect(sameDraft.status).toBe(200);
        await before.server.close();
        // What a migration adding a requirement does, between two runs of the server.
        const requireSummary = async (required: boolean) => {
          const db = await openDatabase({ dataDir: options.dataDir ?? 'memory://', databaseUrl: options.databaseUrl });
          await db.query(required ? "insert into submit_requirements (requirement, position) values ('summary', 100)" : "delete from submit_requirements where requirement = 'summary'");
          await db.close();
        };
        await requireSummary(true);
        const after = await startArchiveServer({ ...options, port: 0, logLevel: 'silent' });
        try {
          const afterApi = await Api.connect(after);
          const retried = await afterApi.post('/v1/submissions', { token: before.editor, json: body, key });
          expect([retried.status, retried.text]).toEqual([201, first.text]);
          expect(retried.headers.get('idempotent-replayed')).toBe('true');
          const retriedSameDraft = await afterApi.post('/v1/submissions', { token: before.editor, json: body, key: sameDraftKey });
          expect([retriedSameDraft.status, retriedSameDraft.text]).toEqual([200, sameDraft.text]);
          const newKeySameDraft = await afterApi.post('/v1/submissions', { token: before.editor, json: body, key: randomUUID() });
          expect([newKeySameDraft.status, newKeySameDraft.json]).toEqual([200, first.json]);
          const changedBody = await afterApi.post('/v1/submissions', { token: before.editor, json: { ...body, title: 'Another title' }, key });
          expect([changedBody.status, err(changedBody.json).code]).toEqual([422, 'idempotency_key_reused']);
          const newDraft = await afterApi.post('/v1/submissions', { token: before.editor, json: submission({ summary: '' }), key: randomUUID() });
          expect([newDraft.status, err(newDraft.json).code, paths(newDraft.json)]).toEqual([422, 'requirements_unmet', ['summary']]);
        } finally {
          await after.close();
          await requireSummary(false);
        }
      });

      it('creates exactly one submission for concurrent requests with the same key', async () => {
        const key = randomUUID();
        const body = submission();
        const replies = await Promise.all(Array.from({ length: 12 }, () => submit(h.editor, body, key)));
        expect(replies.map((reply) => reply.status)).toEqual(Array(12).fill(201));
        expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
        const lookup = await api.get(`/v1/sources?url=${encodeURIComponent(body.sources[0]!.url)}`, { token: h.editor });
        expect((lookup.json as { matches: unknown[] }).matches).toHaveLength(1);
      });
    });

    describe('one draft, one live submission', () => {
      it('answers a second key for the same draft and body with the first submission (200), and its retries alike', async () => {
        const body = submission();
        const first = await submit(h.editor, body);
        expect(first.status).toBe(201);
        const { id } = first.json as { id: string };
        const restoredKey = randomUUID();
        const again = await submit(h.editor, body, restoredKey);
        expect(again.status).toBe(200);
        expect(again.json).toEqual(first.json);
        expect(again.headers.get('location')).toBe(`/v1/submissions/${id}`);
        const retried = await submit(h.editor, body, restoredKey);
        expect([retried.status, retried.text]).toEqual([200, again.text]);
        const lookup = await api.get(`/v1/sources?url=${encodeURIComponent(body.sources[0]!.url)}`, { token: h.reviewer });
        expect((lookup.json as { matches: { id: string }[] }).matches.map((match) => match.id)).toEqual([id]);
      });

      it('gives concurrent submissions of one draft under different keys one INC id', async () => {
        const body = submission();
        const replies = await Promise.all(Array.from({ length: 8 }, () => submit(h.editor, body)));
        expect(replies.map((reply) => reply.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
        expect(new Set(replies.map((reply) => (reply.json as { id: string }).id)).size).toBe(1);
      });

      it('keeps every other submission sent at the same moment when one of them is refused, and nothing of the refused one', async () => {
        const taken = submission();
        await submit(h.editor, taken);
        const refusedKey = randomUUID();
        const others = Array.from({ length: 9 }, () => submission());
        const [refused, ...accepted] = await Promise.all([
          submit(h.otherEditor, taken, refusedKey),
          ...others.map((body) => submit(h.editor, body)),
        ]);
        expect(refused!.status).toBe(409);
        expect(accepted.map((reply) => reply.status)).toEqual(Array(9).fill(201));
        for (const [i, reply] of accepted.entries()) {
          const { id } = reply.json as { id: string };
          expect((await api.get(`/v1/submissions/${id}`, { token: h.editor })).json).toMatchObject({ id, draftId: others[i]!.draftId, status: 'received' });
        }
        // The refused key was not kept: used again for a new draft, it creates that submission.
        expect((await submit(h.otherEditor, submission(), refusedKey)).status).toBe(201);
      });

      it('refuses a changed body or another editor for a draft that has a live submission (409 on draftId); after a rejection it may be sent again', async () => {
        const body = submission();
        const { id } = (await submit(h.editor, body)).json as { id: string };
        const changed = await submit(h.editor, { ...body, title: 'Edited after restoring an old backup' });
        expect(changed.status).toBe(409);
        expect(err(changed.json).code).toBe('draft_already_submitted');
        expect(err(changed.json).message).toContain(id);
        expect(paths(changed.json)).toEqual(['draftId']);
        const other = await submit(h.otherEditor, body);
        expect(other.status).toBe(409);
        expect(err(other.json).code).toBe('draft_already_submitted');
        expect(err(other.json).message).not.toContain(id);

        await decide(body.draftId, { to: 'rejected', reason: 'Needs a second source.' });
        expect(((await api.get(`/v1/submissions/${id}`, { token: h.editor })).json as { status: string }).status).toBe('rejected');
        const resent = await submit(h.editor, { ...body, title: 'Edited after restoring an old backup' });
        expect(resent.status).toBe(201);
        expect((resent.json as { id: string }).id).not.toBe(id);
      });
    });

    describe('POST /v1/submissions/{id}/review (retired)', () => {
      it('answers 410 Gone naming the review workflow\'s routes, to reviewers and editors alike, and changes nothing', async () => {
        const body = submission();
        const created = (await submit(h.editor, body)).json as { id: string };
        for (const token of [h.reviewer, h.editor]) {
          const reply = await api.post(`/v1/submissions/${created.id}/review`, { token, json: { decision: 'accepted', comment: 'Well sourced.' } });
          expect(reply.status).toBe(410);
          expect(err(reply.json).code).toBe('gone');
          expect(err(reply.json).message).toContain('/v1/drafts/{draftId}/transitions');
        }
        expect((await api.get(`/v1/submissions/${created.id}`, { token: h.editor })).json).toMatchObject({ status: 'received', archiveId: null });
        expect(((await api.get(`/v1/drafts/${body.draftId}`, { token: h.reviewer })).json as { status: { state: string } }).status.state).toBe('submitted');
        expect((await api.post(`/v1/submissions/${created.id}/review`, { json: { decision: 'rejected' } })).status).toBe(401);
      });

      it('is described as retired in the OpenAPI document, pointing at the transition route', async () => {
        const doc = (await api.get('/v1/openapi.json')).json as { paths: Record<string, { post: { deprecated?: boolean; description: string; responses: Record<string, unknown> } }> };
        const route = doc.paths['/v1/submissions/{id}/review']!.post;
        expect(route.deprecated).toBe(true);
        expect(route.description).toContain('/v1/drafts/{draftId}/transitions');
        expect(Object.keys(route.responses)).toContain('410');
      });
    });

    describe('GET /v1/sources', () => {
      it('lists accepted incidents in full and pending submissions in full to their author and reviewers; not rejected ones', async () => {
        const url = `https://openai.com/index/${randomUUID()}`;
        const cite = (title: string) => submission({ title, sources: [{ url, quotes: ['q'] }, { url: 'https://other.example/', quotes: ['r'] }] });
        const pending = (await submit(h.editor, cite('Pending'))).json as { id: string };
        const acceptedBody = cite('Accepted');
        const accepted = (await submit(h.otherEditor, acceptedBody)).json as { id: string };
        const rejectedBody = cite('Rejected');
        await submit(h.editor, rejectedBody);
        const othersPending = (await submit(h.otherEditor, cite('Otto\'s private working title'))).json as { id: string };
        await decide(acceptedBody.draftId, { to: 'approved' }, { to: 'published' });
        await decide(rejectedBody.draftId, { to: 'rejected', reason: 'Not an AI incident.' });
        await submit(h.editor, submission({ sources: [{ url: `${url}/more`, quotes: ['q'] }] }));

        const lookup = async (token: string) => {
          const reply = await api.get(`/v1/sources?url=${encodeURIComponent(url)}`, { token });
          expect(reply.status).toBe(200);
          const body = reply.json as { url: string; matches: { kind: string; id: string | null; archiveId: string | null; title: string | null }[] };
          expect(body.url).toBe(url);
          return body.matches.map(({ kind, id, archiveId, title }) => ({ kind, id, archiveId, title }));
        };
        expect(await lookup(h.editor)).toEqual([
          { kind: 'submission', id: pending.id, archiveId: null, title: 'Pending' },
          { kind: 'incident', id: accepted.id, archiveId: accepted.id, title: 'Accepted' },
          // Another editor's pending submission: only that one exists.
          { kind: 'submission', id: null, archiveId: null, title: null },
        ]);
        expect(await lookup(h.reviewer)).toEqual([
          { kind: 'submission', id: pending.id, archiveId: null, title: 'Pending' },
          { kind: 'incident', id: accepted.id, archiveId: accepted.id, title: 'Accepted' },
          { kind: 'submission', id: othersPending.id, archiveId: null, title: 'Otto\'s private working title' },
        ]);
        const none = await api.get(`/v1/sources?url=${encodeURIComponent('https://never.example/cited')}`, { token: h.editor });
        expect((none.json as { matches: unknown[] }).matches).toEqual([]);
      });

      it('needs a token and an http(s) url', async () => {
        expect((await api.get('/v1/sources?url=https%3A%2F%2Fa.example%2F')).status).toBe(401);
        const missing = await api.get('/v1/sources', { token: h.editor });
        expect(missing.status).toBe(400);
        expect(paths(missing.json)).toEqual(['url']);
        expect((await api.get('/v1/sources?url=javascript%3Aalert(1)', { token: h.editor })).status).toBe(400);
      });
    });

    describe('POST /v1/users (reviewer role)', () => {
      it('creates a user whose token works; editors may not', async () => {
        const reply = await api.post('/v1/users', { token: h.reviewer, json: { name: 'Nia New', role: 'editor' } });
        expect(reply.status).toBe(201);
        const created = reply.json as { token: string; role: string };
        expect(created.role).toBe('editor');
        expect((await api.get('/v1/me', { token: created.token })).json).toMatchObject({ user: { name: 'Nia New', role: 'editor' } });
        const forbidden = await api.post('/v1/users', { token: h.editor, json: { name: 'Sneaky', role: 'reviewer' } });
        expect(forbidden.status).toBe(403);
        expect(err(forbidden.json).code).toBe('forbidden');
      });

      it('validates the body', async () => {
        const bad = await api.post('/v1/users', { token: h.reviewer, json: { name: '', role: 'admin', admin: true } });
        expect(bad.status).toBe(400);
        expect(paths(bad.json)).toEqual(expect.arrayContaining(['name', 'role', 'admin']));
        expect((await api.post('/v1/users', { token: h.reviewer, body: '[' })).status).toBe(400);
        expect((await api.post('/v1/users', { json: { name: 'x', role: 'editor' } })).status).toBe(401);
      });
    });

    describe('everything else', () => {
      it('answers unknown routes and methods with the JSON error shape', async () => {
        for (const [method, path] of [['GET', '/v1/nothing-here'], ['GET', '/'], ['DELETE', '/v1/taxonomy'], ['PUT', '/v1/submissions']] as const) {
          const reply = await api.request(method, path, { token: h.editor });
          expect(reply.status, `${method} ${path}`).toBe(404);
          expect(err(reply.json).code).toBe('not_found');
        }
      });

      it('answers what Node refuses before the app (malformed request line, oversized headers, bad Host, odd Expect) with the JSON error shape', async () => {
        const cases: [string, string, number][] = [
          ['malformed request line', 'GARBAGE\r\n\r\n', 400],
          ['oversized headers', `GET /v1/me HTTP/1.1\r\nHost: a\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
          ['a Host with a space', 'GET /v1/taxonomy HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n', 400],
          ['an unknown Expect', 'GET /v1/taxonomy HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nConnection: close\r\n\r\n', 417],
        ];
        for (const [label, text, status] of cases) {
          const reply = await rawRequest(h.server.url, text);
          expect(reply.status, label).toBe(status);
          expect(reply.headers['content-type'], label).toMatch(/^application\/json/);
          const body = JSON.parse(reply.body) as ErrorBody;
          expect(body, label).toEqual({ error: { code: expect.any(String), message: expect.any(String), fields: [] } });
        }
        expect((await api.get('/healthz')).status).toBe(200);
      });

      it('reports health', async () => {
        const reply = await api.get('/healthz');
        expect(reply.status).toBe(200);
        expect(reply.json).toMatchObject({ status: 'ok' });
      });

      it('allows CORS only for extension origins and configured ones', async () => {
        const preflight = (origin: string) =>
          api.request('OPTIONS', '/v1/submissions', {
            headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
          });
        for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f4b1b7e-1e8e-4c9e-9d3b-2a4d9d1c2b3a', 'https://archive-admin.example']) {
          const reply = await preflight(origin);
          expect(reply.headers.get('access-control-allow-origin'), origin).toBe(origin);
          expect(reply.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
        }
        for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'chrome-extension://x.evil.example/']) {
          expect((await preflight(origin)).headers.get('access-control-allow-origin'), origin).toBeNull();
        }
        const simple = await api.get('/v1/me', { token: h.editor, headers: { origin: 'https://evil.example' } });
        expect(simple.headers.get('access-control-allow-origin')).toBeNull();
        const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
        const fromExtension = await api.post('/v1/submissions', { token: h.editor, json: submission(), key: randomUUID(), headers: { origin } });
        expect(fromExtension.status).toBe(201);
        expect(fromExtension.headers.get('access-control-allow-origin')).toBe(origin);
        expect(fromExtension.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('idempotent-replayed');
        // Without an Origin (no browser page), no CORS grant, but a cache must still tell the two apart.
        const fromScript = await submit(h.editor, submission());
        expect(fromScript.headers.get('access-control-allow-origin')).toBeNull();
        expect(fromScript.headers.get('vary')).toContain('Origin');
      });
    });

    describe('text the archive cannot store (NUL, unpaired surrogates)', () => {
      const BAD = { nul: 'a\u0000b', high: 'a\ud800b', low: '\udc00z' };

      it.each(Object.entries(BAD))('refuses %s in any submission field with 400 naming its path', async (_label, bad) => {
        const base = submission();
        const source = base.sources[0]!;
        const cases: [string, unknown][] = [
          ['title', { ...base, title: bad }],
          ['summary', { ...base, summary: bad }],
          ['codes.1', { ...base, codes: ['M1', bad] }],
          ['sources.0.quotes.0', { ...base, sources: [{ ...source, quotes: [bad] }] }],
          ['sources.0.url', { ...base, sources: [{ ...source, url: `https://a.example/${bad}` }] }],
          ['sources.0.authors.0', { ...base, sources: [{ ...source, authors: [bad] }] }],
        ];
        for (const [path, body] of cases) {
          const reply = await submit(h.editor, body);
          expect(reply.status, path).toBe(400);
          expect(err(reply.json).code, path).toBe('validation_failed');
          expect(paths(reply.json), path).toEqual([path]);
        }
        expect((await submit(h.editor, submission())).status).toBe(201);
      });

      it('keeps well-formed text of every plane exactly: emoji (surrogate pairs), RTL, combining marks', async () => {
        const title = 'Bot \u{1F916} says \u05E9\u05DC\u05D5\u05DD, cafe\u0301 \u{20BB7} \u202Egpj.exe\u202C';
        const created = await submit(h.editor, submission({ title }));
        expect(created.status).toBe(201);
        const { id } = created.json as { id: string };
        expect(((await api.get(`/v1/submissions/${id}`, { token: h.editor })).json as { title: string }).title).toBe(title);
      });

      it('refuses it in a review comment, a new user\'s name, a path id and a query with 400 naming each', async () => {
        const body = submission();
        const created = (await submit(h.editor, body)).json as { id: string };
        const review = await api.post(`/v1/drafts/${body.draftId}/comments`, { token: h.reviewer, json: { body: BAD.high } });
        expect(review.status).toBe(400);
        expect(paths(review.json)).toEqual(['body']);
        const user = await api.post('/v1/users', { token: h.reviewer, json: { name: BAD.nul, role: 'editor' } });
        expect(user.status).toBe(400);
        expect(paths(user.json)).toEqual(['name']);
        for (const path of [`/v1/submissions/${created.id}%00`, '/v1/submissions/INC-000002%00']) {
          const reply = await api.get(path, { token: h.editor });
          expect(reply.status, path).toBe(400);
          expect(paths(reply.json), path).toEqual(['id']);
        }
        const decided = await api.post(`/v1/submissions/${created.id}%00/review`, { token: h.reviewer, json: { decision: 'rejected' } });
        expect(decided.status).toBe(400);
        const lookup = await api.get(`/v1/sources?url=${encodeURIComponent('https://a.example/')}%00`, { token: h.editor });
        expect(lookup.status).toBe(400);
        expect(paths(lookup.json)).toEqual(['url']);
        // Any route's query: the review queue's filters reached the database with a NUL (500).
        const queue = await api.get('/v1/review/queue?code=%00', { token: h.reviewer });
        expect(queue.status).toBe(400);
        expect(paths(queue.json)).toEqual(['code']);
        expect(((await api.get(`/v1/submissions/${created.id}`, { token: h.editor })).json as { status: string }).status).toBe('received');
      });
    });

    describe('the whole input boundary (property)', () => {
      let fuzzed: Harness;
      beforeAll(async () => {
        // Unknown tokens are part of the input: without a failure limit they keep reaching the database.
        fuzzed = await startHarness({ ...(await backend.serverOptions()), authFailuresPerMinute: 0 });
      });
      afterAll(async () => {
        await fuzzed?.server.close();
      });

      const send = (request: BoundaryRequest) => {
        const tokens = { editor: fuzzed.editor, reviewer: fuzzed.reviewer, none: undefined };
        const headers: Record<string, string> = {
          ...(typeof request.auth === 'object' ? { authorization: request.auth.header } : {}),
          ...(request.contentType === undefined ? {} : { 'content-type': request.contentType }),
        };
        const token = typeof request.auth === 'object' ? undefined : tokens[request.auth];
        return fuzzed.api.request(request.method, request.path, { token, headers, body: request.body, key: request.key });
      };

      it('answers arbitrary unicode and structures in every route, field, path, query and header with a documented 2xx or 4xx', async () => {
        // api.request throws on a non-JSON body or a status the OpenAPI document does not list for the route.
        await fc.assert(
          fc.asyncProperty(boundaryRequest, async (request) => {
            const reply = await send(request);
            expect(reply.status).toBeGreaterThanOrEqual(200);
            expect(reply.status).toBeLessThan(500);
          }),
          { numRuns: 500 },
        );
      });
    });

    describe('configured limits', () => {
      let limited: Harness;
      beforeAll(async () => {
        limited = await startHarness({ ...(await backend.serverOptions()), rateLimitPerMinute: 3, bodyLimitBytes: 4096 });
      });
      afterAll(async () => {
        await limited?.server.close();
      });

      it('rate-limits per token with 429 and Retry-After; other tokens and the public taxonomy are unaffected', async () => {
        for (let i = 0; i < 3; i++) expect((await limited.api.get('/v1/me', { token: limited.editor })).status).toBe(200);
        const limitedReply = await limited.api.get('/v1/me', { token: limited.editor });
        expect(limitedReply.status).toBe(429);
        expect(err(limitedReply.json).code).toBe('rate_limited');
        expect(Number(limitedReply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect((await limited.api.post('/v1/submissions', { token: limited.editor, json: submission(), key: randomUUID() })).status).toBe(429);
        expect((await limited.api.get('/v1/me', { token: limited.otherEditor })).status).toBe(200);
        expect((await limited.api.get('/v1/taxonomy')).status).toBe(200);
      });

      it('counts each request once against the limit, on paths that also have sub-paths (submissions, drafts)', async () => {
        const fresh = await startHarness({ ...(await backend.serverOptions()), rateLimitPerMinute: 4 });
        try {
          for (let i = 0; i < 3; i++) expect((await fresh.api.post('/v1/submissions', { token: fresh.editor, json: submission(), key: randomUUID() })).status).toBe(201);
          expect((await fresh.api.get('/v1/drafts', { token: fresh.editor })).status).toBe(200);
          expect((await fresh.api.get('/v1/drafts', { token: fresh.editor })).status).toBe(429);
        } finally {
          await fresh.server.close();
        }
      });

      it('limits failed authentication per client address: after 3 unknown tokens even a good token waits (429, Retry-After)', async () => {
        const guesser = await startHarness({ ...(await backend.serverOptions()), authFailuresPerMinute: 3 });
        try {
          for (let i = 0; i < 3; i++) {
            const reply = await guesser.api.get('/v1/me', { token: `ica_guess-${i}` });
            expect(reply.status).toBe(401);
          }
          for (const token of ['ica_guess-4', guesser.editor]) {
            const reply = await guesser.api.get('/v1/me', { token });
            expect(reply.status).toBe(429);
            expect(err(reply.json).code).toBe('too_many_failed_logins');
            expect(Number(reply.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          }
          expect((await guesser.api.get('/v1/taxonomy')).status).toBe(200);
        } finally {
          await guesser.server.close();
        }
      });

      it('applies the configured body limit', async () => {
        const small = await limited.api.post('/v1/submissions', { token: limited.reviewer, json: submission(), key: randomUUID() });
        expect(small.status).toBe(201);
        const big = submission({ sources: [{ url: 'https://a.example/', quotes: ['x'.repeat(5000)] }] });
        const reply = await limited.api.post('/v1/submissions', { token: limited.reviewer, json: big, key: randomUUID() });
        expect(reply.status).toBe(413);
        expect(err(reply.json).message).toContain('4096');
      });

      it('applies the body limit to a chunked body, which declares no length', async () => {
        // A streamed body goes out chunked, without Content-Length.
        const chunked = (json: unknown) =>
          fetch(`${limited.server.url}/v1/submissions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${limited.reviewer}`, 'idempotency-key': randomUUID(), 'content-type': 'application/json' },
            body: new Blob([JSON.stringify(json)]).stream(),
            duplex: 'half',
          } as RequestInit);
        expect((await chunked(submission())).status).toBe(201);
        const reply = await chunked(submission({ sources: [{ url: 'https://a.example/', quotes: ['x'.repeat(5000)] }] }));
        expect(reply.status).toBe(413);
        expect(err(await reply.json()).code).toBe('payload_too_large');
      });
    });
  });
}
