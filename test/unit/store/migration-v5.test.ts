import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';
import { Draft } from '../../../src/core/draft.ts';
import { ClipperDb } from '../../../src/store/db.ts';
import { readDraft } from '../../../src/store/draft-read.ts';
import { listRevisions, restoreRevision } from '../../../src/store/revisions.ts';
import { aiidSubmissions } from '../../../src/workspace/io/aiid.ts';
import { draftToMarkdown } from '../../../src/workspace/io/draft-markdown.ts';
import { searchDocument } from '../../../src/workspace/search.ts';
import { capture } from '../support/fixtures.ts';

const V4_STORES = {
  drafts: 'id, updatedAt, *quotedUrls',
  outbox: '++seq, draftId, nextAttemptAt',
  deadLetters: '++id, draftId',
  settings: 'key',
  revisions: '++id, draftId, [draftId+at]',
  conflicts: '++id, draftId',
  syncOps: 'seq, draftId',
  syncCopies: 'id',
  syncMeta: 'key',
};

/** A draft row as version 4 stored it before the deployers and harmed parties existed (commit 8103f03 added them without a version). */
function storedBeforeTheLists(draft: Draft): Record<string, unknown> {
  const { deployers: _d, harmedParties: _h, ...row } = draft;
  return { ...row, quotedUrls: draft.clips.map((clip) => clip.url) };
}

/** A revision's snapshot as version 2 took it: no quotes inside, no lists that came later. */
function snapshotOfVersion2(draft: Draft): Record<string, unknown> {
  const { deployers: _d, harmedParties: _h, clips: _c, ...row } = draft;
  return row;
}

describe('database version 5: every stored row through the draft schema', () => {
  it('gives drafts and revisions stored before the lists existed empty ones, keeps everything else, and queues no sync op', async () => {
    const name = `migration-v5-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    const { draft } = draftFromCapture(capture());
    const old = storedBeforeTheLists({ ...draft, codes: ['M1'], submission: { state: 'failed', idempotencyKey: crypto.randomUUID(), queuedAt: draft.createdAt, error: 'x'.repeat(50_000) } });
    await v4.table('drafts').add(old);
    await v4.table('revisions').add({ draftId: draft.id, at: draft.createdAt, reason: 'upgrade', draft: snapshotOfVersion2({ ...draft, title: 'Before' }) });
    v4.close();

    const current = new ClipperDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    const upgraded = (await readDraft(current, draft.id))!;
    expect(Draft.safeParse(upgraded).error).toBeUndefined();
    expect(upgraded).toMatchObject({ deployers: [], harmedParties: [], codes: ['M1'], clips: draft.clips, sources: draft.sources });
    expect(upgraded.submission?.error).toHaveLength(2_000);
    // The readers that once guarded with `?? []` work on it as on any draft.
    expect(aiidSubmissions(upgraded)[0]).toMatchObject({ deployers: '', harmed_parties: '' });
    expect(draftToMarkdown(upgraded)).not.toContain('Deployers');
    expect(searchDocument(upgraded).tags).toBe('');
    const [revision] = await listRevisions(draft.id, current);
    expect(revision!.draft).toMatchObject({ title: 'Before', clips: [], deployers: [], harmedParties: [] });
    expect(await current.syncOps.count()).toBe(0);
    // Restoring the version-2 snapshot brings its title back and keeps the quotes taken since.
    expect(await restoreRevision(revision!.id!, current)).toMatchObject({ title: 'Before', clips: draft.clips });
    current.close();
  });

  it('keeps a row the schema refuses even after repair, with the lists readers rely on, rather than dropping it', async () => {
    const name = `migration-v5-bad-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    const { draft } = draftFromCapture(capture());
    const refused = { ...storedBeforeTheLists(draft), title: 't'.repeat(600) };
    await v4.table('drafts').add(refused);
    v4.close();

    const current = new ClipperDb(name);
    await current.open();
    const kept = (await readDraft(current, draft.id))!;
    expect(kept).toMatchObject({ title: 't'.repeat(600), deployers: [], harmedParties: [], clips: draft.clips });
    current.close();
  });
});
