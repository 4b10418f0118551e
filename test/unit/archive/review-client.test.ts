import { describe, expect, it } from 'vitest';
import { ReviewClient, queueQuery } from '../../../src/archive/review-client.ts';
import { jsonResponse, scriptedFetch } from '../support/fixtures.ts';
import { DRAFT_ID, comment, event, queuePage, reviewDraft, status, syncDraft } from '../support/review-fixtures.ts';

const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

function client(...replies: Array<() => Response | Promise<Response>>) {
  const { impl, sent } = scriptedFetch(replies);
  return { review: new ReviewClient('http://archive.test/', 'tok', impl), sent };
}

const body = (init: RequestInit) => JSON.parse(String(init.body)) as unknown;

describe('review client: requests', () => {
  it('asks the queue with only the filters set, states comma-separated', async () => {
    const { review, sent } = client(() => jsonResponse(200, queuePage()));
    const result = await review.queue({ state: ['submitted', 'in_review'], claimed: 'none', provider: 'OpenAI', code: '', minAgeHours: 24, offset: 50 });
    expect(result.ok && result.value.items[0]!.draftId).toBe(DRAFT_ID);
    const url = new URL(sent[0]!.url);
    expect(url.pathname).toBe('/v1/review/queue');
    expect(Object.fromEntries(url.searchParams)).toEqual({ state: 'submitted,in_review', claimed: 'none', provider: 'OpenAI', minAgeHours: '24', offset: '50' });
    expect(queueQuery({})).toBe('');
  });

  it('claims, releases and moves a draft on the revision read, as JSON with the token', async () => {
    const { review, sent } = client(
      () => jsonResponse(200, event()),
      () => jsonResponse(200, event({ action: 'release', from: 'in_review', to: 'submitted' })),
      () => jsonResponse(200, event({ action: 'transition', to: 'rejected', reason: 'Not an AI incident.' })),
    );
    expect((await review.claim(DRAFT_ID, 3)).ok).toBe(true);
    expect((await review.release(DRAFT_ID, 4)).ok).toBe(true);
    const rejected = await review.transition(DRAFT_ID, { to: 'rejected', revision: 5, reason: 'Not an AI incident.' });
    expect(rejected.ok && rejected.value.to).toBe('rejected');
    expect(sent.map((s) => [s.init.method, new URL(s.url).pathname, body(s.init)])).toEqual([
      ['POST', `/v1/drafts/${DRAFT_ID}/claim`, { revision: 3 }],
      ['POST', `/v1/drafts/${DRAFT_ID}/release`, { revision: 4 }],
      ['POST', `/v1/drafts/${DRAFT_ID}/transitions`, { to: 'rejected', revision: 5, reason: 'Not an AI incident.' }],
    ]);
    expect((sent[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('reads, lists, adds and resolves comments', async () => {
    const resolved = comment({ resolved: { by: 'u-editor', at: '2026-11-29T12:00:00.000Z' } });
    const { review, sent } = client(
      () => jsonResponse(200, reviewDraft()),
      () => jsonResponse(200, { comments: [comment()] }),
      () => jsonResponse(201, comment()),
      () => jsonResponse(200, resolved),
    );
    const draft = await review.draft(DRAFT_ID);
    expect(draft.ok && draft.value.draft.texts.rationale.v).toBe('The model made up a policy.');
    const list = await review.comments(DRAFT_ID);
    expect(list.ok && list.value.map((c) => c.body)).toEqual(['Say which policy it invented.']);
    expect((await review.addComment(DRAFT_ID, { body: 'Say which policy it invented.', field: 'rationale' })).ok).toBe(true);
    const done = await review.resolveComment(DRAFT_ID, comment().id);
    expect(done.ok && done.value.resolved?.by).toBe('u-editor');
    expect(body(sent[2]!.init)).toEqual({ body: 'Say which policy it invented.', field: 'rationale' });
    expect(new URL(sent[3]!.url).pathname).toBe(`/v1/drafts/${DRAFT_ID}/comments/${comment().id}/resolve`);
    expect(body(sent[3]!.init)).toEqual({ resolved: true });
  });
});

describe('review client: replies it refuses', () => {
  it('says the archive answered not as an archive when the queue is garbled', async () => {
    const garbled = [{ items: 'nope' }, { ...queuePage(), items: [{ ...status(), state: 'pondering' }] }, { ...queuePage(), total: -1 }, null];
    for (const reply of garbled) {
      const { review } = client(() => jsonResponse(200, reply));
      expect(await review.queue()).toEqual({
        ok: false,
        failure: { kind: 'malformed', status: 200, message: 'http://archive.test/v1/review/queue answered, but not as an incident archive does.' },
      });
    }
  });

  it('refuses a draft read whose fields are missing or whose reply is about another draft', async () => {
    const incomplete = reviewDraft();
    delete (incomplete.draft.texts as Partial<typeof incomplete.draft.texts>).rationale;
    const { review: first } = client(() => jsonResponse(200, incomplete));
    const missing = await first.draft(DRAFT_ID);
    expect(!missing.ok && missing.failure.kind).toBe('malformed');

    const { review: second } = client(() => jsonResponse(200, reviewDraft({ draft: syncDraft({}, 3, 'submitted', OTHER) })));
    const other = await second.draft(DRAFT_ID);
    expect(!other.ok && other.failure.message).toBe(`The archive answered about draft ${OTHER} when asked about draft ${DRAFT_ID}; the reply is not taken.`);
  });

  it('refuses comments and decisions about another draft', async () => {
    const { review } = client(
      () => jsonResponse(200, { comments: [comment(), comment({ draftId: OTHER })] }),
      () => jsonResponse(200, event({ draftId: OTHER })),
      () => jsonResponse(201, { ...comment(), outdated: 'no' }),
    );
    const comments = await review.comments(DRAFT_ID);
    expect(!comments.ok && comments.failure.message).toMatch(`about draft ${OTHER}`);
    const claim = await review.claim(DRAFT_ID, 3);
    expect(!claim.ok && claim.failure.message).toMatch(`about draft ${OTHER}`);
    const added = await review.addComment(DRAFT_ID, { body: 'x' });
    expect(!added.ok && added.failure.kind).toBe('malformed');
  });

  it('passes the archive\'s refusal on with its code, and a bodiless error as malformed', async () => {
    const { review } = client(
      () => jsonResponse(409, { error: { code: 'already_claimed', message: 'Rita is reviewing this draft.', fields: [{ path: 'claim', message: 'Held by Rita.' }] } }),
      () => new Response('<html>Bad gateway</html>', { status: 502 }),
    );
    const lost = await review.claim(DRAFT_ID, 3);
    expect(!lost.ok && lost.failure).toMatchObject({ kind: 'http', status: 409, code: 'already_claimed', message: 'Rita is reviewing this draft.' });
    const gateway = await review.transition(DRAFT_ID, { to: 'approved', revision: 4 });
    expect(!gateway.ok && gateway.failure).toEqual({ kind: 'malformed', status: 502, message: 'The archive answered HTTP 502 without an archive error body.' });
  });
});
