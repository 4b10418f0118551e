import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ArchiveClient } from '../../../src/archive/client.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { exportEverything, importEverything } from '../../../src/store/backup.ts';
import { drainOutbox, queueSubmission } from '../../../src/store/outbox.ts';
import { saveSettings } from '../../../src/store/settings.ts';
import type { Backup } from '../../../src/workspace/io/backup.ts';
import { capture, freshDb, jsonResponse, scriptedFetch } from '../support/fixtures.ts';

type Store = ReturnType<typeof freshDb>;

async function oneDraft(quote?: string) {
  const store = freshDb();
  await saveSettings({ archiveUrl: 'http://archive.test', token: 'tok' }, store);
  const { draft } = await saveCapture(capture({}, quote), 'new', { store });
  return { store, draft };
}

async function submit(store: Store, draftId: string) {
  await queueSubmission(draftId, store);
  const reply = { id: 'INC-000269', draftId, status: 'received', archiveId: null, title: 't', receivedAt: '2026-11-24T10:00:00.000Z' };
  const { impl } = scriptedFetch([() => jsonResponse(201, reply)]);
  await drainOutbox({ store, clientFor: (url, token) => new ArchiveClient(url, token, impl), nowMs: () => 0 });
}

const backupOf = async (store: Store) => structuredClone(await exportEverything(store)) as Backup;

describe('backup import and the submission record', () => {
  it('keeps the submission of a draft when an older backup without it is imported, and the draft cannot be submitted again', async () => {
    const { store, draft } = await oneDraft();
    const before = await backupOf(store);
    await submit(store, draft.id);
    expect(await importEverything(JSON.stringify(before), store)).toMatchObject({ ok: true });
    const stored = (await store.drafts.get(draft.id))!;
    expect(stored.submission).toMatchObject({ state: 'accepted', submissionId: 'INC-000269' });
    expect(stored.reviewState).toBe('submitted');
    await queueSubmission(draft.id, store);
    expect(await store.outbox.count()).toBe(0);
  });

  it('keeps the accepted record when the backup holds an older, queued one', async () => {
    const { store, draft } = await oneDraft();
    await queueSubmission(draft.id, store);
    const queuedBackup = await backupOf(store);
    await submit(store, draft.id); // the queued row leaves: accepted
    expect((await store.drafts.get(draft.id))!.submission!.state).toBe('accepted');
    await importEverything(JSON.stringify(queuedBackup), store);
    expect((await store.drafts.get(draft.id))!.submission).toMatchObject({ state: 'accepted', submissionId: 'INC-000269' });
    expect(await store.outbox.count()).toBe(0);
  });

  it('takes a backup’s accepted record over a local one still waiting, and drops the waiting row', async () => {
    const { store, draft } = await oneDraft();
    await submit(store, draft.id);
    const sent = await backupOf(store);
    const local = freshDb();
    await importEverything(JSON.stringify({ ...sent, drafts: sent.drafts.map((d) => ({ ...d, submission: undefined, reviewState: 'draft' })) }), local);
    await queueSubmission(draft.id, local);
    expect(await local.outbox.count()).toBe(1);
    await importEverything(JSON.stringify(sent), local);
    expect((await local.drafts.get(draft.id))!.submission).toMatchObject({ state: 'accepted', submissionId: 'INC-000269' });
    expect(await local.outbox.count()).toBe(0);
  });
});

describe('backup import of what the outbox needs', () => {
  it('queues again, under its own key, a draft imported as "queued" that has no outbox row here', async () => {
    const { store, draft } = await oneDraft();
    await queueSubmission(draft.id, store);
    const key = (await store.drafts.get(draft.id))!.submission!.idempotencyKey;
    const copy = freshDb();
    expect(await importEverything(JSON.stringify(await backupOf(store)), copy)).toMatchObject({ ok: true });
    expect(await copy.outbox.toArray()).toMatchObject([{ draftId: draft.id, idempotencyKey: key, attempts: 0 }]);
    expect((await copy.drafts.get(draft.id))!.submission).toMatchObject({ state: 'queued', idempotencyKey: key });
  });

  it('marks a draft imported as "queued" that cannot be sent as it stands, so the editor can act', async () => {
    const { store, draft } = await oneDraft();
    await queueSubmission(draft.id, store);
    const backup = await backupOf(store);
    backup.drafts[0] = { ...backup.drafts[0]!, title: '' };
    const copy = freshDb();
    expect(await importEverything(JSON.stringify(backup), copy)).toMatchObject({ ok: true });
    expect(await copy.outbox.count()).toBe(0);
    expect((await copy.drafts.get(draft.id))!.submission).toMatchObject({ state: 'failed', errorMessage: { key: 'outbox_error_imported_not_ready', params: [expect.stringMatching(/needs a title/)] } });
  });

  it('restores a backup whose draft holds a 5 MB error reply, keeping only the start of it', async () => {
    const { store, draft } = await oneDraft();
    await queueSubmission(draft.id, store);
    const backup = await backupOf(store);
    const huge = 'y'.repeat(5_000_000);
    backup.drafts[0]!.submission = { ...backup.drafts[0]!.submission!, state: 'failed', errorMessage: { key: 'outbox_error_refused', params: [huge] } };
    const copy = freshDb();
    expect(await importEverything(JSON.stringify(backup), copy)).toMatchObject({ ok: true });
    const submission = (await copy.drafts.get(draft.id))!.submission!;
    expect(submission.errorMessage!.params[0]!.length).toBeLessThan(3_000);
  });

  it('refuses, with the quote id and where, a file in which two quotes share one id', async () => {
    const { store, draft } = await oneDraft();
    await saveCapture(capture({}, 'A second quote from the page.'), draft.id, { store });
    const backup = await backupOf(store);
    const clips = backup.drafts[0]!.clips;
    clips[1] = { ...clips[1]!, id: clips[0]!.id };
    const copy = freshDb();
    const outcome = await importEverything(JSON.stringify(backup), copy);
    expect(outcome).toMatchObject({ ok: false, rejected: [{ path: 'drafts[0].clips[1].id', reason: expect.stringContaining(clips[0]!.id) }] });
    expect(await copy.drafts.count()).toBe(0);
  });
});
