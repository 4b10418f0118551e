import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addQuote, addSource, conflictsOf, createNote, removeSource, resolveConflict, saveFieldEdits } from '../../../src/store/editing.ts';
import { listRevisions, restoreRevision } from '../../../src/store/revisions.ts';
import { clipsOfDraft } from '../../../src/store/drafts.ts';
import { readiness } from '../../../src/workspace/readiness.ts';
import { freshDb } from '../support/fixtures.ts';

function tickingClock(start = Date.parse('2025-03-01T10:00:00Z'), stepMs = 61_000) {
  let t = start;
  let n = 0;
  return {
    now: () => new Date((t += stepMs)).toISOString(),
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  };
}

describe('two editors on the same draft', () => {
  it('each keeps its own field; the same field changed twice becomes a conflict with both values', async () => {
    const store = freshDb();
    const note = await createNote('Start', store);
    // Both editors loaded the draft with title "Start" and an empty summary.
    await saveFieldEdits(note.id, [{ path: 'summary', base: '', value: 'Summary from A' }], store);
    const b = await saveFieldEdits(note.id, [{ path: 'title', base: 'Start', value: 'Title from B' }], store);
    expect(b.draft).toMatchObject({ title: 'Title from B', summary: 'Summary from A' });

    const clash = await saveFieldEdits(note.id, [{ path: 'title', base: 'Start', value: 'Title from A' }], store);
    expect(clash.draft.title).toBe('Title from B');
    const [conflict] = await conflictsOf(note.id, store);
    expect(conflict).toMatchObject({ field: 'title', mine: 'Title from A', theirs: 'Title from B' });

    const resolved = await resolveConflict(conflict!.id!, 'mine', store);
    expect(resolved.title).toBe('Title from A');
    expect(await conflictsOf(note.id, store)).toEqual([]);
  });
});

describe('two editors on one long text field', () => {
  it('keeps both when they typed into different paragraphs of the notes, with no conflict to resolve', async () => {
    const store = freshDb();
    const note = await createNote('Start', store);
    const notes = 'Ask the airline for a statement.\n\nCheck the tribunal record.\n';
    await saveFieldEdits(note.id, [{ path: 'notes', base: '', value: notes }], store);
    // Both editors loaded these notes; A saves first, then B, whose base is now out of date.
    await saveFieldEdits(note.id, [{ path: 'notes', base: notes, value: notes.replace('a statement', 'a statement by Friday') }], store);
    const b = await saveFieldEdits(note.id, [{ path: 'notes', base: notes, value: `${notes}Find the chat log.\n` }], store);
    expect(b.draft.notes).toBe('Ask the airline for a statement by Friday.\n\nCheck the tribunal record.\nFind the chat log.\n');
    expect(b.applied).toEqual(['notes']);
    expect(await conflictsOf(note.id, store)).toEqual([]);
  });
});

describe('revision history', () => {
  it('keeps the state before each edit and restores it', async () => {
    const store = freshDb();
    const clock = tickingClock();
    const note = await createNote('First', store, clock);
    await saveFieldEdits(note.id, [{ path: 'title', base: 'First', value: 'Second' }], store, clock);
    await saveFieldEdits(note.id, [{ path: 'title', base: 'Second', value: 'Third' }], store, clock);
    const revisions = await listRevisions(note.id, store);
    expect(revisions.map((r) => r.draft.title)).toEqual(['Second', 'First']);
    const restored = await restoreRevision(revisions[1]!.id!, store, clock);
    expect(restored.title).toBe('First');
    expect((await listRevisions(note.id, store))[0]?.draft.title).toBe('Third');
  });

  it('brings back a removed source with its quotes on restore, and keeps quotes taken since', async () => {
    const store = freshDb();
    const clock = tickingClock();
    const note = await createNote('Vacuum maps', store, clock);
    const first = await addSource(note.id, 'https://news.example/vacuum', store, clock);
    await addQuote(note.id, first.id, 'The maps were uploaded.', store, clock);
    const second = await addSource(note.id, 'https://other.example/vacuum', store, clock);
    await addQuote(note.id, second.id, 'A second report.', store, clock);
    await removeSource(note.id, first.id, store, clock);
    expect((await clipsOfDraft(note.id, store)).map((clip) => clip.quote)).toEqual(['A second report.']);
    const later = await addQuote(note.id, second.id, 'Taken after the removal.', store, clock);

    const beforeRemoval = (await listRevisions(note.id, store)).find((r) => r.draft.sources.length === 2)!;
    const restored = await restoreRevision(beforeRemoval.id!, store, clock);
    expect(restored.sources.map((source) => source.url)).toEqual(['https://news.example/vacuum', 'https://other.example/vacuum']);
    expect((await clipsOfDraft(note.id, store)).map((clip) => clip.quote)).toEqual(['The maps were uploaded.', 'A second report.', later.quote]);
  });

  it('coalesces a burst of typing into one snapshot', async () => {
    const store = freshDb();
    const clock = tickingClock(Date.parse('2025-03-01T10:00:00Z'), 400);
    const note = await createNote('', store, clock);
    let previous = '';
    for (const value of ['a', 'ab', 'abc', 'abcd']) {
      await saveFieldEdits(note.id, [{ path: 'title', base: previous, value }], store, clock);
      previous = value;
    }
    expect((await listRevisions(note.id, store)).map((r) => r.draft.title)).toEqual(['']);
  });
});

describe('offline notes', () => {
  it('start with no page and become a draft ready to submit when given a source, quote, severity and code', async () => {
    const store = freshDb();
    const note = await createNote('Robot vacuum maps homes', store);
    expect(note.sources).toEqual([]);
    const source = await addSource(note.id, 'https://news.example/vacuum?utm_source=feed', store);
    expect(source.url).toBe('https://news.example/vacuum');
    await addQuote(note.id, source.id, '  The maps were uploaded.  ', store);
    const { draft } = await saveFieldEdits(
      note.id,
      [
        { path: 'severity', base: undefined, value: 'SEV-3' },
        { path: 'codes', base: [], value: ['D1'] },
      ],
      store,
    );
    const clips = await clipsOfDraft(note.id, store);
    expect(clips.map((c) => c.quote)).toEqual(['The maps were uploaded.']);
    expect(readiness({ ...draft, clips }).ready).toBe(true);
  });
});
