import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { readAllDrafts } from '../../../src/store/draft-read.ts';
import { ClipperDb } from '../../../src/store/db.ts';
import { clipsForUrls } from '../../../src/store/clips.ts';
import { draftsForUrl } from '../../../src/store/drafts.ts';
import { listRevisions } from '../../../src/store/revisions.ts';
import { capture } from '../support/fixtures.ts';
import { addCaptureToDraft, draftFromCapture } from '../../../src/core/clip-ops.ts';
import { Draft, type Clip } from '../../../src/core/draft.ts';

const V1_STORES = {
  drafts: 'id, updatedAt',
  clips: 'id, draftId, url, createdAt',
  outbox: '++seq, draftId, nextAttemptAt',
  deadLetters: '++id, draftId',
  settings: 'key',
};
const V2_STORES = { ...V1_STORES, revisions: '++id, draftId, [draftId+at]', conflicts: '++id, draftId' };

/** A quote as versions 1 and 2 stored it in the `clips` table: with the id of its draft and the URL of its page. */
const inClipsTable = (clip: Clip, draftId: string, url: string) => ({ ...clip, draftId, url });

/** A draft as versions 1 and 2 stored it: its quotes in the `clips` table, not in the row. */
function asStoredBefore3({ clips: _, ...draft }: Draft): Omit<Draft, 'clips'> {
  return draft;
}

describe('database upgrades', () => {
  it('opens a version-1 database with data and keeps every row, adding a first revision per draft', async () => {
    const name = `migration-v1-${Date.now()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(V1_STORES);
    const { draft, clip } = draftFromCapture(capture());
    await v1.table('drafts').add(asStoredBefore3(draft));
    await v1.table('clips').add(inClipsTable(clip, draft.id, draft.sources[0]!.url));
    await v1.table('outbox').add({ kind: 'submit', draftId: draft.id, idempotencyKey: 'k', body: {}, attempts: 2, nextAttemptAt: 5 });
    await v1.table('deadLetters').add({ draftId: draft.id, kind: 'submit', status: 422, error: 'bad', at: draft.createdAt });
    await v1.table('settings').put({ key: 'archive', value: { archiveUrl: 'http://127.0.0.1:1', token: 't', paused: false } });
    v1.close();

    const current = new ClipperDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    expect(await current.drafts.toArray()).toEqual([{ ...draft, quotedUrls: [draft.sources[0]!.url] }]);
    expect(await current.outbox.toArray()).toEqual([expect.objectContaining({ seq: 1, draftId: draft.id, attempts: 2, nextAttemptAt: 5 })]);
    expect(await current.deadLetters.count()).toBe(1);
    expect((await current.settings.get('archive'))?.value).toEqual({ archiveUrl: 'http://127.0.0.1:1', token: 't', paused: false });
    const revisions = await listRevisions(draft.id, current);
    expect(revisions.map((r) => [r.reason, r.draft])).toEqual([['upgrade', { ...asStoredBefore3(draft), clips: [] }]]);
    expect(await current.conflicts.count()).toBe(0);
    current.close();
  });

  it('moves version 2’s quotes into their drafts, oldest first, indexed by page, and loses none', async () => {
    const name = `migration-v2-${Date.now()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(V2_STORES);
    let n = 0;
    const clock = { now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, (n += 1))).toISOString(), uuid: () => crypto.randomUUID() };
    const first = draftFromCapture(capture({ url: 'https://a.example/story' }), clock);
    const second = addCaptureToDraft(first.draft, capture({ url: 'https://b.example/other' }, 'A second quote.'), clock);
    const other = draftFromCapture(capture({ url: 'https://b.example/other' }, 'Another draft quotes b.'), clock);
    // A quote whose draft is gone: never made by the extension, but an upgrade must not drop it either.
    const orphanDraft = draftFromCapture(capture({ url: 'https://c.example/lost' }, 'Nobody owns me.'), clock);
    // A quote citing a source its draft no longer lists (written by no version of the extension either).
    const strayQuote = { ...other.clip, id: crypto.randomUUID(), createdAt: clock.now(), sourceId: crypto.randomUUID(), quote: 'My source went missing.' };
    const clips = [
      inClipsTable(second.clip, first.draft.id, 'https://b.example/other'),
      inClipsTable(other.clip, other.draft.id, 'https://b.example/other'),
      inClipsTable(orphanDraft.clip, orphanDraft.draft.id, 'https://c.example/lost'),
      inClipsTable(first.clip, first.draft.id, first.draft.sources[0]!.url),
      inClipsTable(strayQuote, other.draft.id, 'https://d.example/gone'),
    ];
    await v2.table('drafts').bulkAdd([asStoredBefore3(second.draft), asStoredBefore3(other.draft)]);
    await v2.table('clips').bulkAdd(clips);
    await v2.table('revisions').add({ draftId: other.draft.id, at: other.draft.createdAt, reason: 'edit', draft: asStoredBefore3(other.draft) });
    await v2.table('conflicts').add({ draftId: other.draft.id, field: 'title', mine: 'x', theirs: 'y', at: other.draft.createdAt });
    await v2.table('settings').put({ key: 'archive', value: { archiveUrl: 'http://127.0.0.1:1', token: 't', paused: false } });
    v2.close();

    const current = new ClipperDb(name);
    await current.open();
    expect(current.verno).toBe(5);
    expect(current.tables.map((table) => table.name)).not.toContain('clips');
    expect((await current.drafts.get(second.draft.id))?.clips).toEqual([first.clip, second.clip]);
    const withStray = (await current.drafts.get(other.draft.id))!;
    expect(withStray.clips).toEqual([other.clip, strayQuote]);
    expect(withStray.sources.map((source) => [source.id, source.url])).toEqual([...other.draft.sources.map((source) => [source.id, source.url]), [strayQuote.sourceId, 'https://d.example/gone']]);
    for (const draft of await readAllDrafts(current)) expect(Draft.safeParse(draft).error).toBeUndefined();
    const recovered = await current.drafts.get(orphanDraft.draft.id);
    expect(recovered).toMatchObject({ title: 'Recovered quotes', clips: [orphanDraft.clip], sources: [{ id: orphanDraft.clip.sourceId, url: 'https://c.example/lost' }] });
    expect((await draftsForUrl('https://b.example/other', current)).map((d) => d.id).sort()).toEqual([second.draft.id, other.draft.id].sort());
    expect((await clipsForUrls(['https://b.example/other'], current)).map((c) => c.quote)).toEqual(['A second quote.', 'Another draft quotes b.']);
    expect(await current.revisions.count()).toBe(1);
    expect(await current.conflicts.count()).toBe(1);
    expect((await current.settings.get('archive'))?.value).toMatchObject({ token: 't' });
    current.close();
  });
});
