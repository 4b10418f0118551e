import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';
import { Draft, type Clip } from '../../../src/core/draft.ts';
import { quoteUrl as quoteUrlOf } from '../../../src/core/quote-url.ts';
import { annotationCollection } from '../../../src/workspace/io/web-annotation.ts';
import { tStored } from '../../../src/i18n/i18n.ts';
import { importEverything } from '../../../src/store/backup.ts';
import { clipsForUrls } from '../../../src/store/clips.ts';
import { ClipperDb } from '../../../src/store/db.ts';
import { readDraft } from '../../../src/store/draft-read.ts';
import { listRevisions, restoreRevision } from '../../../src/store/revisions.ts';
import { aiidSubmissions } from '../../../src/workspace/io/aiid.ts';
import { draftToMarkdown } from '../../../src/workspace/io/draft-markdown.ts';
import { searchDocument } from '../../../src/workspace/search.ts';
import { BACKUP_FORMAT } from '../../../src/workspace/io/backup.ts';
import { capture, freshDb } from '../support/fixtures.ts';

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

/**
 * A draft row as version 4 stored it before the deployers and harmed parties existed (commit 8103f03 added
 * them without a version): each quote repeating its draft's id and a URL (its source's when it was
 * clipped, unless `quoteUrl` says otherwise), the index key among the fields.
 */
function storedBeforeTheLists(draft: Draft, quoteUrl = (clip: Clip) => quoteUrlOf(draft, clip)!): Record<string, unknown> {
  const { deployers: _d, harmedParties: _h, ...row } = draft;
  const clips = draft.clips.map((clip) => ({ ...clip, draftId: draft.id, url: quoteUrl(clip) }));
  return { ...row, clips, quotedUrls: [...new Set(clips.map((clip) => clip.url))] };
}

/** A failed submission as versions before the message keys kept it: its reason as text only. */
const failedWithText = (draft: Draft, error: string) => ({ state: 'failed', idempotencyKey: crypto.randomUUID(), queuedAt: draft.createdAt, error });

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
    const old = { ...storedBeforeTheLists({ ...draft, codes: ['M1'] }), submission: failedWithText(draft, 'x'.repeat(50_000)) };
    await v4.table('drafts').add(old);
    await v4.table('revisions').add({ draftId: draft.id, at: draft.createdAt, reason: 'upgrade', draft: snapshotOfVersion2({ ...draft, title: 'Before' }) });
    v4.close();

    const current = new ClipperDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    const upgraded = (await readDraft(current, draft.id))!;
    expect(Draft.safeParse(upgraded).error).toBeUndefined();
    expect(upgraded).toMatchObject({ deployers: [], harmedParties: [], codes: ['M1'], clips: draft.clips, sources: draft.sources });
    // The copies of version 4's rows are gone from the draft: the quote's draft id and URL, the index key, the error text beside its message.
    expect(upgraded.clips.some((clip) => 'draftId' in clip || 'url' in clip)).toBe(false);
    expect('quotedUrls' in upgraded).toBe(false);
    expect('error' in upgraded.submission!).toBe(false);
    expect(tStored(upgraded.submission!.errorMessage)).toBe('x'.repeat(1_999) + '…');
    // The index key is still stored beside the draft: the quotes on a page are found by it.
    expect((await current.drafts.get(draft.id))?.quotedUrls).toEqual([draft.sources[0]!.url]);
    expect((await clipsForUrls([draft.sources[0]!.url], current)).map((clip) => clip.id)).toEqual([draft.clips[0]!.id]);
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

  it("drops each quote's stored URL: where it differs from its source's (the source's URL was edited), the source's wins", async () => {
    const name = `migration-v5-url-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(4).stores(V4_STORES);
    const { draft } = draftFromCapture(capture());
    const stale = 'https://news.example/where-it-was-first';
    await v4.table('drafts').add(storedBeforeTheLists(draft, () => stale));
    await v4.table('revisions').add({ draftId: draft.id, at: draft.createdAt, reason: 'edit', draft: storedBeforeTheLists(draft, () => stale) });
    v4.close();

    const current = new ClipperDb(name);
    await current.open();
    const source = draft.sources[0]!.url;
    expect(source).not.toBe(stale);
    const upgraded = (await readDraft(current, draft.id))!;
    expect(upgraded.clips).toEqual(draft.clips);
    expect(annotationCollection(upgraded, '').first.items.map((item) => item.target.source)).toEqual([source]);
    expect((await current.drafts.get(draft.id))?.quotedUrls).toEqual([source]);
    expect((await clipsForUrls([source], current)).map((clip) => clip.id)).toEqual([draft.clips[0]!.id]);
    expect(await clipsForUrls([stale], current)).toEqual([]);
    const [revision] = await listRevisions(draft.id, current);
    expect(revision!.draft.clips).toEqual(draft.clips);
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

  it('imports a backup exported before: its quotes repeating their draft id, its error text beside no message', async () => {
    const { draft } = draftFromCapture(capture());
    const row = { ...storedBeforeTheLists(draft), quotedUrls: undefined, submission: failedWithText(draft, 'The archive refused the submission: title: Too long.') };
    const file = { format: BACKUP_FORMAT, version: 2, exportedAt: draft.createdAt, drafts: [row], revisions: [{ draftId: draft.id, at: draft.createdAt, reason: 'edit', draft: row }] };
    const store = freshDb();
    expect(await importEverything(JSON.stringify(file), store)).toMatchObject({ ok: true, drafts: 1, revisions: 1 });
    const imported = (await readDraft(store, draft.id))!;
    expect(imported.clips).toEqual(draft.clips);
    expect(tStored(imported.submission!.errorMessage)).toBe('The archive refused the submission: title: Too long.');
  });
});
