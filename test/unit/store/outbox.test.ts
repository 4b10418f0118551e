import 'fake-indexeddb/auto';
import { tStored } from '../../../src/i18n/i18n.ts';
import { describe, expect, it } from 'vitest';
import { ArchiveClient } from '../../../src/archive/client.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { drainOutbox, queueSubmission } from '../../../src/store/outbox.ts';
import { loadSettings, saveSettings } from '../../../src/store/settings.ts';
import { capture, freshDb, jsonResponse, scriptedFetch } from '../support/fixtures.ts';

const accepted = (draftId: string) => ({
  id: 'sub_1',
  draftId,
  status: 'accepted',
  archiveId: 'INC-000007',
  title: 'Airline chatbot invented a refund policy',
  receivedAt: '2026-11-24T10:00:00.000Z',
});

async function readyDraft() {
  const store = freshDb();
  await saveSettings({ archiveUrl: 'http://archive.test', token: 'tok' }, store);
  const { draft } = await saveCapture(capture(), 'new', { store });
  return { store, draft };
}

function drain(store: ReturnType<typeof freshDb>, impl: typeof fetch, now = 1_000_000) {
  return drainOutbox({ store, clientFor: (url, token) => new ArchiveClient(url, token, impl), nowMs: () => now });
}

describe('the submission outbox', () => {
  it('queues once: a second submit of the same draft adds no second row', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    await queueSubmission(draft.id, store);
    expect(await store.outbox.count()).toBe(1);
    expect((await store.drafts.get(draft.id))?.submission?.state).toBe('queued');
  });

  it('refuses a draft without a title and says why', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture({ title: '' }), 'new', { store });
    await expect(queueSubmission(draft.id, store)).rejects.toThrow('The draft needs a title.');
    expect(await store.outbox.count()).toBe(0);
  });

  it('sends with the Idempotency-Key, records the archive id, and deletes the row only after a 2xx', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl, sent } = scriptedFetch([() => jsonResponse(201, accepted(draft.id))]);
    expect(await drain(store, impl)).toBe('drained');
    const stored = await store.drafts.get(draft.id);
    expect(stored?.submission).toMatchObject({ state: 'accepted', archiveStatus: 'accepted', archiveId: 'INC-000007', submissionId: 'sub_1' });
    expect(stored?.reviewState).toBe('submitted');
    expect((sent[0]!.init.headers as Record<string, string>)['Idempotency-Key']).toBe(stored?.submission?.idempotencyKey);
    expect(await store.outbox.count()).toBe(0);
  });

  it('keeps the row through network errors, 5xx and 429, and retries with the same key', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl, sent } = scriptedFetch([
      () => Promise.reject(new TypeError('Failed to fetch')),
      () => jsonResponse(503, { error: { code: 'unavailable', message: 'Down for maintenance', fields: [] } }),
      () => jsonResponse(429, { error: { code: 'rate_limited', message: 'Slow down', fields: [] } }, { 'retry-after': '120' }),
      () => jsonResponse(201, accepted(draft.id)),
    ]);
    expect(await drain(store, impl, 0)).toBe('waiting');
    expect(tStored((await store.drafts.get(draft.id))?.submission?.errorMessage)).toMatch(/Cannot reach the archive.*retried automatically/);
    expect(await drain(store, impl, 10_000_000)).toBe('waiting');
    expect(await drain(store, impl, 20_000_000)).toBe('waiting');
    const row = (await store.outbox.toArray())[0]!;
    expect(row.nextAttemptAt - 20_000_000).toBeGreaterThanOrEqual(120_000);
    expect(await drain(store, impl, 40_000_000)).toBe('drained');
    const keys = sent.map(({ init }) => (init.headers as Record<string, string>)['Idempotency-Key']);
    expect(new Set(keys).size).toBe(1);
    expect(sent).toHaveLength(4);
  });

  it('does not resend before the backoff has passed', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl, sent } = scriptedFetch([() => Promise.reject(new TypeError('offline'))]);
    await drain(store, impl, 0);
    await drain(store, impl, 1_000);
    expect(sent).toHaveLength(1);
  });

  it('pauses the whole queue on 401 and keeps everything', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl } = scriptedFetch([() => jsonResponse(401, { error: { code: 'unauthorized', message: 'Token expired', fields: [] } })]);
    expect(await drain(store, impl)).toBe('paused');
    expect((await loadSettings(store)).paused).toBe(true);
    expect(await store.outbox.count()).toBe(1);
    expect(tStored((await store.drafts.get(draft.id))?.submission?.errorMessage)).toMatch(/rejected the API token/);
    expect(await drain(store, impl)).toBe('paused');
  });

  it('moves a submission the archive can never accept to the dead-letter list, with the reason', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl } = scriptedFetch([
      () => jsonResponse(422, { error: { code: 'invalid', message: 'sources.0.url: not allowed', fields: [{ path: 'sources.0.url', message: 'not allowed' }] } }),
    ]);
    expect(await drain(store, impl)).toBe('drained');
    expect(await store.deadLetters.toArray()).toMatchObject([{ draftId: draft.id, status: 422, error: 'sources.0.url: not allowed' }]);
    expect((await store.drafts.get(draft.id))?.submission).toMatchObject({ state: 'failed' });
    expect(await store.drafts.get(draft.id)).toBeDefined();
  });

  it('says in the checklist\'s words what the archive still requires when it refuses a draft for that (422 requirements_unmet)', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const fields = [{ path: 'severity', message: 'Required to submit: a severity.' }, { path: 'codes', message: 'Required to submit: at least one code.' }];
    const { impl } = scriptedFetch([() => jsonResponse(422, { error: { code: 'requirements_unmet', message: 'The archive takes a draft for review only once it has a severity, at least one code.', fields } })]);
    expect(await drain(store, impl)).toBe('drained');
    const { submission } = (await store.drafts.get(draft.id))!;
    expect(submission).toMatchObject({ state: 'failed', errorMessage: { key: 'rg_requirements_unmet' } });
    expect(tStored(submission?.errorMessage)).toBe('The archive will not take this draft for review yet. It still needs: A severity; At least one classification code');
    expect(await store.deadLetters.toArray()).toMatchObject([{ draftId: draft.id, status: 422, fields }]);
  });

  it('treats a garbled 2xx as unknown and retries it under the same key instead of dropping it', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl } = scriptedFetch([() => new Response('<html>proxy</html>', { status: 200 })]);
    expect(await drain(store, impl)).toBe('waiting');
    expect(await store.outbox.count()).toBe(1);
    expect(await store.deadLetters.count()).toBe(0);
  });

  it('waits without sending when no archive is configured', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    await queueSubmission(draft.id, store);
    const { impl, sent } = scriptedFetch([]);
    expect(await drain(store, impl)).toBe('unconfigured');
    expect(sent).toHaveLength(0);
  });
});

describe('draining while someone waits', () => {
  it('tries rows still in backoff when asked to, and not otherwise', async () => {
    const { store, draft } = await readyDraft();
    await queueSubmission(draft.id, store);
    const { impl, sent } = scriptedFetch([() => Promise.reject(new TypeError('offline')), () => jsonResponse(201, accepted(draft.id))]);
    await drain(store, impl, 0);
    expect(await drain(store, impl, 1_000)).toBe('waiting');
    expect(sent).toHaveLength(1);
    const now = await drainOutbox({ store, clientFor: (url, token) => new ArchiveClient(url, token, impl), nowMs: () => 1_000, ignoreBackoff: true });
    expect(now).toBe('drained');
    expect(sent).toHaveLength(2);
  });
});
