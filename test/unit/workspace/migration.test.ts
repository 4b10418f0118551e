import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ClipperDb } from '../../../src/store/db.ts';
import { listRevisions } from '../../../src/store/revisions.ts';
import { capture } from '../support/fixtures.ts';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';

describe('database version 2', () => {
  it('opens a version-1 database with data and keeps every row, adding a first revision per draft', async () => {
    const name = `migration-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      drafts: 'id, updatedAt',
      clips: 'id, draftId, url, createdAt',
      outbox: '++seq, draftId, nextAttemptAt',
      deadLetters: '++id, draftId',
      settings: 'key',
    });
    const { draft, clip } = draftFromCapture(capture());
    await v1.table('drafts').add(draft);
    await v1.table('clips').add(clip);
    await v1.table('outbox').add({ kind: 'submit', draftId: draft.id, idempotencyKey: 'k', body: {}, attempts: 2, nextAttemptAt: 5 });
    await v1.table('deadLetters').add({ draftId: draft.id, kind: 'submit', status: 422, error: 'bad', at: draft.createdAt });
    await v1.table('settings').put({ key: 'archive', value: { archiveUrl: 'http://127.0.0.1:1', token: 't', paused: false } });
    v1.close();

    const v2 = new ClipperDb(name);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await v2.drafts.toArray()).toEqual([draft]);
    expect(await v2.clips.toArray()).toEqual([clip]);
    expect(await v2.outbox.toArray()).toEqual([expect.objectContaining({ seq: 1, draftId: draft.id, attempts: 2, nextAttemptAt: 5 })]);
    expect(await v2.deadLetters.count()).toBe(1);
    expect((await v2.settings.get('archive'))?.value).toEqual({ archiveUrl: 'http://127.0.0.1:1', token: 't', paused: false });
    const revisions = await listRevisions(draft.id, v2);
    expect(revisions.map((r) => [r.reason, r.draft])).toEqual([['upgrade', draft]]);
    expect(await v2.conflicts.count()).toBe(0);
    v2.close();
  });
});
