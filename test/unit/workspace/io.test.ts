import 'fake-indexeddb/auto';
import { readDraft } from '../../../src/store/draft-read.ts';
import { liveQuery } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { draftsForUrl, recentDrafts, saveCapture } from '../../../src/store/drafts.ts';
import { removeClip } from '../../../src/store/clips.ts';
import { exportEverything, importEverything } from '../../../src/store/backup.ts';
import { serializeBackup } from '../../../src/workspace/io/backup.ts';
import { addQuote, addSource, createNote, removeSource, saveFieldEdits } from '../../../src/store/editing.ts';
import { aiidCsv, aiidSubmissions, AIID_FIELDS } from '../../../src/workspace/io/aiid.ts';
import { parseCsv } from '../../../src/workspace/io/csv.ts';
import { annotationCollection, annotationsIntoDraft } from '../../../src/workspace/io/web-annotation.ts';
import { draftToMarkdown } from '../../../src/workspace/io/draft-markdown.ts';
import { newNote } from '../../../src/workspace/note.ts';
import { Draft, type Clip } from '../../../src/core/draft.ts';
import { quoteUrl } from '../../../src/core/quote-url.ts';
import { capture, freshDb } from '../support/fixtures.ts';

async function sampleStore() {
  const store = freshDb();
  const { draft } = await saveCapture(capture({}, 'He said, "refunds are automatic",\nthen left.'), 'new', { store });
  await saveCapture(capture({ url: 'https://second.example/a', publisher: 'Second Wire' }), draft.id, { store });
  await saveFieldEdits(draft.id, [{ path: 'codes', base: [], value: ['M1'] }], store);
  return { store, draftId: draft.id };
}

const dump = async (store: ReturnType<typeof freshDb>) => ({
  drafts: await store.drafts.toArray(),
  revisions: (await store.revisions.toArray()).map(({ id: _id, ...row }) => row),
});

describe('backup export and import', () => {
  it('round-trips everything into an empty store, and a second import changes nothing', async () => {
    const { store } = await sampleStore();
    const text = JSON.stringify(await exportEverything(store));
    const copy = freshDb();
    const progress: [number, number][] = [];
    expect(await importEverything(text, copy, (written, total) => progress.push([written, total]))).toMatchObject({ ok: true, drafts: 1, clips: 2 });
    expect(progress.at(-1)).toEqual([1, 1]);
    expect(await dump(copy)).toEqual(await dump(store));
    expect((await copy.drafts.toArray()).flatMap((draft) => draft.clips.map((clip) => clip.quote))).toEqual(['He said, "refunds are automatic",\nthen left.', 'The chatbot invented a refund policy.']);
    const again: [number, number][] = [];
    await importEverything(text, copy, (written, total) => again.push([written, total]));
    expect(again).toEqual([]); // nothing to write
    expect(await dump(copy)).toEqual(await dump(store));
  });

  it('imports a backup written before the deployers and harmed-parties fields existed, with empty lists', async () => {
    const { store, draftId } = await sampleStore();
    // The file as an older version wrote it: no draft, current or in the history, has the two fields.
    const backup = structuredClone(await exportEverything(store)) as unknown as { drafts: Record<string, unknown>[]; revisions: { draft: Record<string, unknown> }[] };
    for (const draft of [...backup.drafts, ...backup.revisions.map((row) => row.draft)]) {
      delete draft.deployers;
      delete draft.harmedParties;
    }
    expect(backup.revisions.length).toBeGreaterThan(0);
    const text = JSON.stringify(backup);
    expect(text).not.toMatch(/deployers|harmedParties/);
    const copy = freshDb();
    expect(await importEverything(text, copy)).toMatchObject({ ok: true, drafts: 1, clips: 2 });
    expect(await copy.drafts.get(draftId)).toMatchObject({ deployers: [], harmedParties: [], codes: ['M1'], title: 'Airline chatbot invented a refund policy' });
    expect((await copy.revisions.toArray()).map((row) => [row.draft.deployers, row.draft.harmedParties])).toEqual(backup.revisions.map(() => [[], []]));
  });

  it('reads its own one-row-per-line layout, the same file in any other JSON layout, and tells which line is broken', async () => {
    const { store } = await sampleStore();
    const backup = await exportEverything(store);
    const lines = serializeBackup(backup);
    expect(lines.split('\n').slice(0, 3)).toEqual([expect.stringMatching(/^\{"format":"incident-clipper-backup","version":2,.*,$/), '"drafts":[', expect.stringMatching(/^\{"id":/)]);
    expect(JSON.parse(lines)).toEqual(JSON.parse(JSON.stringify(backup)));
    for (const text of [lines, JSON.stringify(backup, null, 2), lines.replace('},\n{', '},{')]) {
      const copy = freshDb();
      expect(await importEverything(text, copy)).toMatchObject({ ok: true, drafts: 1, clips: 2 });
      expect(await dump(copy)).toEqual(await dump(store));
    }
    const broken = lines.split('\n');
    broken[2] = broken[2]!.slice(0, 40);
    const refused = await importEverything(broken.join('\n'), freshDb());
    expect(!refused.ok && refused.rejected).toEqual([{ path: '(file)', reason: expect.stringMatching(/^Not JSON/) }]);
  });

  it('tells live queries in this page (and the extension’s others) about the drafts it wrote', async () => {
    const { store, draftId } = await sampleStore();
    const text = serializeBackup(await exportEverything(store));
    const target = freshDb();
    // The side panel's list of recent drafts: a query Dexie caches, so a stale answer would stay.
    const lists: string[][] = [];
    const subscription = liveQuery(() => recentDrafts(20, target)).subscribe((drafts) => lists.push(drafts.map((draft) => draft.id)));
    await vi.waitFor(() => expect(lists).toEqual([[]]));
    await importEverything(text, target);
    await vi.waitFor(() => expect(lists.at(-1)).toEqual([draftId]));
    subscription.unsubscribe();
  });

  it('keeps a draft that an import replaces with another version in its history', async () => {
    const { store, draftId } = await sampleStore();
    const older = JSON.stringify(await exportEverything(store));
    await saveFieldEdits(draftId, [{ path: 'title', base: 'Airline chatbot invented a refund policy', value: 'Edited after the backup' }], store);
    expect(await importEverything(older, store)).toMatchObject({ ok: true });
    expect((await store.drafts.get(draftId))?.title).toBe('Airline chatbot invented a refund policy');
    const kept = (await store.revisions.where('draftId').equals(draftId).toArray()).filter((r) => r.reason === 'import');
    expect(kept.map((r) => r.draft.title)).toEqual(['Edited after the backup']);
  });

  it('keeps the quotes of both versions when an import brings back an older draft', async () => {
    const { store, draftId } = await sampleStore();
    const older = JSON.stringify(await exportEverything(store));
    const [first] = (await store.drafts.get(draftId))!.clips;
    await removeClip({ id: first!.id, draftId }, store);
    await saveCapture(capture({ url: 'https://third.example/later', publisher: 'Third Post' }, 'Taken after the backup.'), draftId, { store });
    expect(await importEverything(older, store)).toMatchObject({ ok: true });
    const draft = (await store.drafts.get(draftId))!;
    expect(draft.clips.map((clip) => clip.quote)).toEqual(['He said, "refunds are automatic",\nthen left.', 'The chatbot invented a refund policy.', 'Taken after the backup.']);
    expect(draft.sources.map((source) => source.url)).toEqual(['https://news.example/story', 'https://second.example/a', 'https://third.example/later']);
    expect((await draftsForUrl('https://third.example/later', store)).map((d) => d.id)).toEqual([draftId]);
  });

  it('refuses, changing nothing, a version whose quotes together with the stored ones would be more than a draft may hold', async () => {
    const store = freshDb();
    const note = await createNote('Many sources', store);
    const cite = async (host: string) => {
      const source = await addSource(note.id, `https://${host}.example/a`, store);
      await addQuote(note.id, source.id, `Quote from ${host}.`, store);
      return source.id;
    };
    const early: string[] = [];
    for (let n = 0; n < 51; n += 1) early.push(await cite(`early${n}`));
    const file = JSON.stringify(await exportEverything(store));
    for (const id of early) await removeSource(note.id, id, store);
    for (let n = 0; n < 50; n += 1) await cite(`late${n}`);
    const before = await dump(store);
    const outcome = await importEverything(file, store);
    expect(!outcome.ok && outcome.rejected[0]).toEqual({ path: `draft ${note.id}`, reason: expect.stringContaining('With the quotes stored in this browser') });
    expect(await dump(store)).toEqual(before);
  });

  it('imports a version 1 file, whose quotes are listed apart, into its drafts and into drafts already stored', async () => {
    const { store, draftId } = await sampleStore();
    const current = await exportEverything(store);
    const stored = await saveCapture(capture({ url: 'https://elsewhere.example/x' }, 'Only in this browser.'), 'new', { store });
    const extra = { ...stored.clip, id: crypto.randomUUID(), createdAt: new Date(Date.parse(stored.clip.createdAt) + 1_000).toISOString(), quote: 'From the old file.', selectors: { ...stored.clip.selectors, quote: { ...stored.clip.selectors.quote, exact: 'From the old file.' } } };
    const v1 = {
      ...current,
      version: 1,
      drafts: current.drafts.map(({ clips: _clips, ...draft }) => draft),
      clips: [...current.drafts.flatMap((draft) => draft.clips.map((clip) => ({ ...clip, draftId: draft.id }))), { ...extra, draftId: stored.draft.id }],
    };
    const target = freshDb();
    await target.drafts.put(stored.draft);
    expect(await importEverything(JSON.stringify(v1), target)).toMatchObject({ ok: true, drafts: 1, clips: 3 });
    expect((await target.drafts.get(draftId))?.clips).toEqual(current.drafts[0]!.clips);
    expect((await target.drafts.get(stored.draft.id))?.clips.map((clip) => clip.quote)).toEqual(['Only in this browser.', 'From the old file.']);
    const orphan = { ...v1, clips: [{ ...extra, draftId: crypto.randomUUID() }] };
    const refused = await importEverything(JSON.stringify(orphan), freshDb());
    expect(!refused.ok && refused.rejected).toEqual([{ path: 'clips[0].draftId', reason: expect.stringContaining('No draft') }]);
  });

  it('refuses a whole file for one bad row, naming where and why, and writes nothing', async () => {
    const { store, draftId } = await sampleStore();
    const backup = await exportEverything(store);
    const target = freshDb();
    const bad = structuredClone(backup) as unknown as { drafts: Record<string, unknown>[] };
    bad.drafts[0]!.severity = 'SEV-9';
    const outcome = await importEverything(JSON.stringify(bad), target);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.rejected.map((r) => r.path)).toEqual(['drafts[0].severity']);
    const dangling = structuredClone(backup);
    dangling.drafts[0]!.clips[1]!.sourceId = '00000000-0000-4000-8000-000000000000';
    const second = await importEverything(JSON.stringify(dangling), target);
    expect(!second.ok && second.rejected).toEqual([{ path: 'drafts[0].clips[1].sourceId', reason: expect.stringContaining('has no source') }]);
    expect(await target.drafts.count()).toBe(0);
    expect((await importEverything('{"format":"something-else"}', target)).ok).toBe(false);
    expect((await importEverything('not json', target)).ok).toBe(false);
    expect(await store.drafts.get(draftId)).toBeDefined();
  });
});

describe('AIID submission fields', () => {
  it('gives one row per source with every AIID field, and CSV that quotes commas, quotes and newlines', async () => {
    const { store, draftId } = await sampleStore();
    const draft = (await store.drafts.get(draftId))!;
    const rows = aiidSubmissions(draft);
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0]!)).toEqual([...AIID_FIELDS]);
    expect(rows[0]).toMatchObject({ url: 'https://news.example/story', authors: 'Dana Whitfield', date_published: '2024-02-16', text: 'He said, "refunds are automatic",\nthen left.', tags: 'M1' });
    const parsed = parseCsv(aiidCsv(rows));
    expect(parsed[0]).toEqual([...AIID_FIELDS]);
    expect(parsed[1]![AIID_FIELDS.indexOf('text')]).toBe('He said, "refunds are automatic",\nthen left.');
    expect(parsed).toHaveLength(3);
  });
});

describe('deployers and harmed parties', () => {
  it('parses a draft (a backup’s) written before the fields existed with empty lists', async () => {
    const { store, draftId } = await sampleStore();
    const { deployers: _deployers, harmedParties: _harmedParties, ...old } = (await readDraft(store, draftId))!;
    expect(Draft.parse(old)).toMatchObject({ deployers: [], harmedParties: [], codes: ['M1'] });
  });

  it('exports both to the AIID rows, as JSON arrays joined like the other lists and in CSV', async () => {
    const { store, draftId } = await sampleStore();
    await saveFieldEdits(
      draftId,
      [
        { path: 'deployers', base: [], value: ['Example Airlines', 'Example, Inc.'] },
        { path: 'harmedParties', base: [], value: ['Passengers', 'Jake "J" Moffatt'] },
        { path: 'providers', base: [], value: ['Example AI'] },
      ],
      store,
    );
    const draft = (await store.drafts.get(draftId))!;
    expect(draft).toMatchObject({ deployers: ['Example Airlines', 'Example, Inc.'], harmedParties: ['Passengers', 'Jake "J" Moffatt'] });
    const rows = aiidSubmissions(draft);
    for (const row of rows) {
      expect(row).toMatchObject({ deployers: 'Example Airlines, Example, Inc.', developers: 'Example AI', harmed_parties: 'Passengers, Jake "J" Moffatt' });
    }
    const parsed = parseCsv(aiidCsv(rows));
    for (const line of parsed.slice(1)) {
      expect(line[AIID_FIELDS.indexOf('deployers')]).toBe('Example Airlines, Example, Inc.');
      expect(line[AIID_FIELDS.indexOf('harmed_parties')]).toBe('Passengers, Jake "J" Moffatt');
      expect(line[AIID_FIELDS.indexOf('developers')]).toBe('Example AI');
    }
    const markdown = draftToMarkdown(draft);
    expect(markdown).toContain('- **Deployers:** Example Airlines, Example, Inc.');
    expect(markdown).toContain('- **Harmed parties:** Passengers, Jake "J" Moffatt');
  });

  it('takes an edit of the lists whose base is missing or empty alike, without a conflict (drafts stored before them are upgraded: migration-v5.test.ts)', async () => {
    const { store, draftId } = await sampleStore();
    const saved = await saveFieldEdits(draftId, [{ path: 'deployers', base: undefined, value: ['Example Airlines'] }, { path: 'harmedParties', base: [], value: ['Passengers'] }], store);
    expect(saved.conflicts).toEqual([]);
    expect(await store.drafts.get(draftId)).toMatchObject({ deployers: ['Example Airlines'], harmedParties: ['Passengers'] });
  });
});

describe('W3C Web Annotations', () => {
  it('exports clips with both selectors and imports them back into another draft', async () => {
    const { store, draftId } = await sampleStore();
    const draft = (await readDraft(store, draftId))!;
    const clips = draft.clips;
    const collection = JSON.parse(JSON.stringify(annotationCollection(draft, 'Sample')));
    const first = collection.first.items[0];
    expect(first.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(first.target.selector[0]).toMatchObject({ exact: clips[0]!.quote, prefix: 'An airline said that ' });

    let n = 0;
    const clock = { now: () => '2025-01-01T00:00:00.000Z', uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}` };
    const note = newNote(clock);
    const imported = annotationsIntoDraft({ ...collection, first: { items: [...collection.first.items, { nonsense: true }] } }, note, clock);
    const pageOf = (from: Draft) => (clip: Clip) => [quoteUrl(from, clip), clip.quote, clip.selectors];
    expect(imported.clips.map(pageOf(imported.draft))).toEqual(clips.map(pageOf(draft)));
    expect(imported.draft.sources.map((s) => s.url).sort()).toEqual(['https://news.example/story', 'https://second.example/a']);
    expect(imported.rejected).toHaveLength(1);
    expect(draftId).not.toBe(note.id);
  });
});

describe('Markdown export', () => {
  it('writes the title, facts, sources with quotes as blockquotes', async () => {
    const { store, draftId } = await sampleStore();
    const draft = (await store.drafts.get(draftId))!;
    const markdown = draftToMarkdown(draft);
    expect(markdown).toMatch(/^# Airline chatbot invented a refund policy\n/);
    expect(markdown).toContain('- **Codes:** M1');
    expect(markdown).toContain('- **Source tier:** standard (2 sources)');
    expect(markdown).toContain('> He said, "refunds are automatic",\n> then left.');
  });
});
