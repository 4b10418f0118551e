import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ArchiveClient } from '../../../src/archive/client.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { saveFieldEdits } from '../../../src/store/editing.ts';
import { exportEverything, importEverything } from '../../../src/store/backup.ts';
import { drainOutbox, queueSubmission, refusalOf } from '../../../src/store/outbox.ts';
import { loadSettings, saveSettings } from '../../../src/store/settings.ts';
import { capture, freshDb, jsonResponse, scriptedFetch } from '../support/fixtures.ts';

const accepted = (draftId: string) => ({
  id: 'INC-000009',
  draftId,
  status: 'received',
  archiveId: null,
  title: 'Airline chatbot invented a refund policy',
  receivedAt: '2026-11-24T10:00:00.000Z',
});

async function queuedDraft() {
  const store = freshDb();
  await saveSettings({ archiveUrl: 'http://archive.test', token: 'tok' }, store);
  const { draft } = await saveCapture(capture(), 'new', { store });
  await queueSubmission(draft.id, store);
  return { store, draft };
}

function drain(store: ReturnType<typeof freshDb>, impl: typeof fetch, now = 1_000_000) {
  return drainOutbox({ store, clientFor: (url, token) => new ArchiveClient(url, token, impl), nowMs: () => now });
}

const keyOf = (init: RequestInit) => (init.headers as Record<string, string>)['Idempotency-Key'];

describe('outbox replies an attacker or a proxy can send', () => {
  it('keeps only the start of a 5 MB error reply on the draft, so the next backup still restores', async () => {
    const { store, draft } = await queuedDraft();
    const huge = 'x'.repeat(5_000_000);
    const { impl } = scriptedFetch([() => jsonResponse(422, { error: { code: 'invalid', message: huge, fields: [] } })]);
    await drain(store, impl);
    const stored = (await store.drafts.get(draft.id))!.submission!;
    expect(stored.state).toBe('failed');
    expect(JSON.stringify(stored.errorMessage).length).toBeLessThan(3_000);
    expect((await store.deadLetters.toArray())[0]!.error.length).toBeLessThan(3_000);
    const copy = freshDb();
    expect(await importEverything(JSON.stringify(await exportEverything(store)), copy)).toMatchObject({ ok: true, drafts: 1 });
  });

  it('pauses the queue on a 401 whose body is a proxy HTML page, and keeps the submission', async () => {
    const { store, draft } = await queuedDraft();
    const { impl } = scriptedFetch([() => new Response('<html><body>Sign in to the proxy</body></html>', { status: 401, headers: { 'content-type': 'text/html' } })]);
    expect(await drain(store, impl)).toBe('paused');
    expect((await loadSettings(store)).paused).toBe(true);
    expect(await store.outbox.count()).toBe(1);
    expect(await store.deadLetters.count()).toBe(0);
    expect((await store.drafts.get(draft.id))!.submission!.state).toBe('queued');
  });

  it('does not take a 201 that names another draft as this draft’s submission', async () => {
    const { store, draft } = await queuedDraft();
    const other = '11111111-2222-4333-8444-555555555555';
    const { impl } = scriptedFetch([() => jsonResponse(201, accepted(other)), () => jsonResponse(201, accepted(draft.id))]);
    expect(await drain(store, impl)).toBe('waiting');
    const stored = (await store.drafts.get(draft.id))!;
    expect(stored.submission!.state).toBe('queued');
    expect(stored.submission!.submissionId).toBeUndefined();
    expect(await store.outbox.count()).toBe(1);
    // The right reply, later, is taken.
    expect(await drain(store, impl, 100_000_000)).toBe('drained');
    expect((await store.drafts.get(draft.id))!.submission).toMatchObject({ state: 'accepted', submissionId: 'INC-000009' });
  });

  it('waits at most an hour however far away Retry-After points', async () => {
    const { store } = await queuedDraft();
    const { impl } = scriptedFetch([() => jsonResponse(503, { error: { code: 'unavailable', message: 'Later', fields: [] } }, { 'retry-after': '99999999999' })]);
    await drain(store, impl, 1_000_000);
    const row = (await store.outbox.toArray())[0]!;
    expect(row.nextAttemptAt - 1_000_000).toBeLessThanOrEqual(60 * 60_000);
    expect(row.nextAttemptAt).toBeGreaterThan(1_000_000);
  });
});

describe('a refusal the editor can fix', () => {
  const refusal = () =>
    jsonResponse(400, {
      error: { code: 'invalid_body', message: 'title: contains a NUL character', fields: [{ path: 'title', message: 'contains a NUL character' }] },
    });

  it('stops retrying, keeps the archive’s reason per field, and a re-queue after an edit sends the new body under a new key', async () => {
    const { store, draft } = await queuedDraft();
    const { impl, sent } = scriptedFetch([refusal, () => jsonResponse(201, accepted(draft.id))]);
    expect(await drain(store, impl)).toBe('drained');
    expect(await drain(store, impl, 100_000_000)).toBe('idle');
    expect(sent).toHaveLength(1);
    expect((await store.drafts.get(draft.id))!.submission!.state).toBe('failed');
    expect(await refusalOf(draft.id, store)).toMatchObject({ status: 400, fields: [{ path: 'title', message: 'contains a NUL character' }] });

    await saveFieldEdits(draft.id, [{ path: 'title', base: draft.title, value: 'A clean title' }], store);
    await queueSubmission(draft.id, store);
    expect(await refusalOf(draft.id, store)).toBeUndefined();
    expect(await drain(store, impl, 200_000_000)).toBe('drained');
    expect(sent).toHaveLength(2);
    expect(JSON.parse(sent[1]!.init.body as string).title).toBe('A clean title');
    expect(keyOf(sent[1]!.init)).not.toBe(keyOf(sent[0]!.init));
  });

  it('re-queues an unchanged draft under the same key (the archive may already hold that body)', async () => {
    const { store, draft } = await queuedDraft();
    const { impl, sent } = scriptedFetch([refusal, () => jsonResponse(201, accepted(draft.id))]);
    await drain(store, impl);
    await queueSubmission(draft.id, store);
    await drain(store, impl, 200_000_000);
    expect(keyOf(sent[1]!.init)).toBe(keyOf(sent[0]!.init));
  });
});

describe('two drains of one queue', () => {
  it('never puts back as waiting a submission another drain already saw accepted (a late 503 lost the INC id)', async () => {
    const { store, draft } = await queuedDraft();
    let releaseSlow!: () => void;
    const slowAnswer = new Promise<void>((resolve) => (releaseSlow = resolve));
    // The first drain's request hangs and ends in a 503; the second's is accepted meanwhile.
    const slow: typeof fetch = async () => {
      await slowAnswer;
      return jsonResponse(503, { error: { code: 'unavailable', message: 'Starting up.', fields: [] } });
    };
    const fast: typeof fetch = async () => jsonResponse(201, accepted(draft.id));
    const first = drain(store, slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await drain(store, fast);
    releaseSlow();
    await first;
    const stored = (await store.drafts.get(draft.id))!.submission!;
    expect(stored).toMatchObject({ state: 'accepted', submissionId: 'INC-000009' });
    expect(await store.outbox.count()).toBe(0);
  });
});
