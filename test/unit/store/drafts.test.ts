import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clipsOfDraft, draftsForUrl, recentDrafts, saveCapture, updateDraftFields } from '../../../src/store/drafts.ts';
import { clipsForUrls, removeClip } from '../../../src/store/clips.ts';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';
import { Draft } from '../../../src/core/draft.ts';
import { capture, freshDb } from '../support/fixtures.ts';
import { opsForEdit } from '../../../src/core/sync/draft-ops.ts';

describe('saving clips', () => {
  it('keeps the page\'s evidence hash on the quote, so it syncs with it to the archive (and reviewers see it)', async () => {
    const store = freshDb();
    const hash = 'c3'.repeat(32);
    const { draft, clip } = await saveCapture(capture(), 'new', { store, evidenceSha256: hash });
    expect(clip.evidenceSha256).toBe(hash);
    expect((await store.drafts.get(draft.id))!.clips[0]!.evidenceSha256).toBe(hash);
    const quoteOp = opsForEdit(undefined, draft, 0).find((op) => op.type === 'putQuote');
    expect(quoteOp).toMatchObject({ quoteId: clip.id, values: { evidenceSha256: hash } });
    const { clip: unhashed } = await saveCapture(capture(), draft.id, { store });
    expect(unhashed.evidenceSha256).toBeUndefined();
  });

  it('pre-fills a new draft with the quote, canonical URL, title and publication date', async () => {
    const store = freshDb();
    const { draft, clip } = await saveCapture(capture(), 'new', { store });
    expect(draft).toMatchObject({ title: 'Airline chatbot invented a refund policy', announcementDate: '2024-02-16', reviewState: 'draft' });
    expect(draft.sources).toHaveLength(1);
    expect(draft.sources[0]).toMatchObject({ url: 'https://news.example/story', publisher: 'The Example Ledger', authors: ['Dana Whitfield'] });
    expect(clip).toMatchObject({ sourceId: draft.sources[0]!.id, quote: 'The chatbot invented a refund policy.' });
    expect(draft.clips).toEqual([clip]);
    expect(await clipsOfDraft(draft.id, store)).toEqual([clip]);
  });

  it('adds a second quote from the same page to the same source, and one from another page as a new source', async () => {
    const store = freshDb();
    const { draft } = await saveCapture(capture(), 'new', { store });
    await saveCapture(capture({}, 'The tribunal ordered a refund.'), draft.id, { store });
    const { draft: updated } = await saveCapture(capture({ url: 'https://other.example/report', title: 'Other' }), draft.id, { store });
    expect(updated.sources.map((source) => source.url)).toEqual(['https://news.example/story', 'https://other.example/report']);
    expect((await clipsOfDraft(draft.id, store)).map((clip) => clip.quote)).toEqual([
      'The chatbot invented a refund policy.',
      'The tribunal ordered a refund.',
      'The chatbot invented a refund policy.',
    ]);
    expect((await draftsForUrl('https://other.example/report', store)).map((d) => d.id)).toEqual([draft.id]);
  });

  it('finds drafts by the pages they quote, and forgets a page once its last quote there is gone', async () => {
    const store = freshDb();
    const { draft, clip } = await saveCapture(capture(), 'new', { store });
    const other = await saveCapture(capture({ url: 'https://other.example/report' }), draft.id, { store });
    expect((await draftsForUrl('https://other.example/report', store)).map((d) => d.id)).toEqual([draft.id]);
    expect((await clipsForUrls(['https://news.example/story', 'https://other.example/report'], store)).map((c) => c.id)).toEqual([clip.id, other.clip.id]);
    await removeClip({ id: other.clip.id, draftId: draft.id }, store);
    expect(await draftsForUrl('https://other.example/report', store)).toEqual([]);
    expect((await draftsForUrl('https://news.example/story', store)).map((d) => d.id)).toEqual([draft.id]);
  });

  it('refuses a quote that cites a source the draft does not have, or that repeats a draft id (its draft is the one holding it)', () => {
    const { draft, clip } = draftFromCapture(capture());
    expect(Draft.safeParse(draft).success).toBe(true);
    const repeating = Draft.safeParse({ ...draft, clips: [{ ...clip, draftId: draft.id }] });
    expect(repeating.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['clips.0']);
    const dangling = Draft.safeParse({ ...draft, clips: [{ ...clip, sourceId: crypto.randomUUID() }] });
    expect(dangling.error?.issues[0]?.message).toMatch(/has no source/);
  });

  it('refuses to add to a draft that does not exist, and stores nothing', async () => {
    const store = freshDb();
    await expect(saveCapture(capture(), crypto.randomUUID(), { store })).rejects.toThrow(/no longer exists/);
    expect(await store.drafts.count()).toBe(0);
  });

  it('lists recent drafts newest first and rejects invalid edits without changing the draft', async () => {
    const store = freshDb();
    let tick = Date.parse('2026-01-01T00:00:00Z');
    const clock = { now: () => new Date((tick += 1_000)).toISOString(), uuid: () => crypto.randomUUID() };
    const first = (await saveCapture(capture(), 'new', { store, clock })).draft;
    const second = (await saveCapture(capture({ url: 'https://b.example/' }), 'new', { store, clock })).draft;
    await updateDraftFields(first.id, { title: 'Edited' }, store, clock);
    expect((await recentDrafts(10, store)).map((d) => d.id)).toEqual([first.id, second.id]);
    await expect(updateDraftFields(first.id, { severity: 'SEV-9' as never }, store)).rejects.toThrow();
    expect((await store.drafts.get(first.id))?.severity).toBeUndefined();
  });
});

describe('provider pre-fill', () => {
  it('guesses providers from the archive list by the source domain and by mention in the quote', async () => {
    const store = freshDb();
    const providers = [
      { name: 'OpenAI', domains: ['openai.com'] },
      { name: 'Air Canada', domains: ['aircanada.com'] },
      { name: 'Meta', domains: ['meta.com'] },
    ];
    const fromBlog = await saveCapture(capture({ url: 'https://help.openai.com/incident' }, 'A model misbehaved.'), 'new', { store, providers });
    expect(fromBlog.draft.providers).toEqual(['OpenAI']);
    const fromNews = await saveCapture(capture({}, 'Air Canada said its chatbot, not the metadata, was wrong.'), 'new', { store, providers });
    expect(fromNews.draft.providers).toEqual(['Air Canada']);
  });
});
