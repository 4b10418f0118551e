import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEdits } from '../../../src/workspace/field-merge.ts';
import { sourcePath } from '../../../src/workspace/field-paths.ts';
import { newNote } from '../../../src/workspace/note.ts';
import { Draft as DraftSchema, type Draft } from '../../../src/core/draft.ts';

const base = (): Draft => ({
  ...newNote(),
  title: 'Original',
  summary: 'Old summary',
  sources: [{ id: '7a0f9a52-7c79-4d8c-a8a3-2d6f5c0f2a11', url: 'https://a.example/', originalUrl: 'https://a.example/', title: '', authors: [], provenance: {}, accessedAt: '2024-01-01T00:00:00.000Z' }],
});

describe('merging field edits', () => {
  it('applies an edit whose base is still stored, and leaves other fields alone', () => {
    const stored = { ...base(), summary: 'Someone else changed this' };
    const result = mergeEdits(stored, [{ path: 'title', base: 'Original', value: 'Mine' }]);
    expect(result.draft.title).toBe('Mine');
    expect(result.draft.summary).toBe('Someone else changed this');
    expect(result.conflicts).toEqual([]);
  });

  it('keeps both values as a conflict when the field changed underneath', () => {
    const stored = { ...base(), title: 'Theirs' };
    const result = mergeEdits(stored, [{ path: 'title', base: 'Original', value: 'Mine' }]);
    expect(result.draft.title).toBe('Theirs');
    expect(result.conflicts).toEqual([{ path: 'title', mine: 'Mine', theirs: 'Theirs' }]);
  });

  it('edits one source field by path, and stores a cleared optional field as missing', () => {
    const draft = { ...base(), severity: 'SEV-2' as const };
    const id = draft.sources[0]!.id;
    const result = mergeEdits(draft, [
      { path: sourcePath(id, 'publisher'), base: undefined, value: 'Wire' },
      { path: 'severity', base: 'SEV-2', value: '' },
    ]);
    expect(result.draft.sources[0]?.publisher).toBe('Wire');
    expect('severity' in result.draft && result.draft.severity !== undefined).toBe(false);
  });

  it('never loses a value: each edit is either stored or kept as a conflict (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (stored, editorBase, mine) => {
        const result = mergeEdits({ ...base(), title: stored }, [{ path: 'title', base: editorBase, value: mine }]);
        const kept = result.draft.title === mine || result.conflicts.some((c) => c.mine === mine && c.theirs === stored);
        const theirsKept = result.draft.title === stored || stored === editorBase || result.conflicts.length > 0;
        return kept && theirsKept;
      }),
    );
  });
});

describe('merging edits of long text fields', () => {
  const NOTES = 'Ask the airline for a statement.\nCheck the tribunal record.\nFind the original chat log.\n';
  const SUMMARY = 'A chatbot invented a refund policy. The airline refused to honour it. A tribunal ruled against the airline.';

  it('merges edits to different sentences or lines, both present in order, and the result passes the schema', () => {
    const stored = { ...base(), notes: NOTES.replace('Find the original chat log.', 'Find the original chat log (in the ruling).'), summary: SUMMARY.replace('A tribunal', 'A civil tribunal') };
    const result = mergeEdits(stored, [
      { path: 'notes', base: NOTES, value: NOTES.replace('for a statement', 'for a statement by Friday') },
      { path: 'summary', base: SUMMARY, value: SUMMARY.replace('A chatbot', 'An airline chatbot') },
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.applied).toEqual(['notes', 'summary']);
    expect(result.merged).toEqual(['notes', 'summary']);
    expect(result.draft.notes).toBe('Ask the airline for a statement by Friday.\nCheck the tribunal record.\nFind the original chat log (in the ruling).\n');
    expect(result.draft.summary).toBe('An airline chatbot invented a refund policy. The airline refused to honour it. A civil tribunal ruled against the airline.');
    expect(DraftSchema.parse(result.draft)).toEqual(result.draft);
  });

  it('merges the rationale and the counterfactual the same way', () => {
    const text = 'The bot was deployed by the airline. Its answer was relied on.';
    for (const path of ['rationale', 'counterfactual'] as const) {
      const stored = { ...base(), [path]: `${text} Without it the customer would have paid.` };
      const result = mergeEdits(stored, [{ path, base: text, value: text.replace('deployed', 'built and deployed') }]);
      expect(result.draft[path]).toBe('The bot was built and deployed by the airline. Its answer was relied on. Without it the customer would have paid.');
      expect(result.conflicts).toEqual([]);
    }
  });

  it('keeps both values as a conflict when both changed the same sentence', () => {
    const theirs = SUMMARY.replace('refused to honour it', 'refused');
    const mine = SUMMARY.replace('refused to honour it', 'would not honour it');
    const result = mergeEdits({ ...base(), summary: theirs }, [{ path: 'summary', base: SUMMARY, value: mine }]);
    expect(result.draft.summary).toBe(theirs);
    expect(result.applied).toEqual([]);
    expect(result.conflicts).toEqual([{ path: 'summary', mine, theirs }]);
  });

  it('takes an identical edit without a conflict', () => {
    const both = SUMMARY.replace('A tribunal', 'A civil tribunal');
    const result = mergeEdits({ ...base(), summary: both }, [{ path: 'summary', base: SUMMARY, value: both }]);
    expect(result).toMatchObject({ applied: ['summary'], merged: [], conflicts: [] });
    expect(result.draft.summary).toBe(both);
  });

  it('applies an edit against an unchanged base as before (no merge needed)', () => {
    const result = mergeEdits({ ...base(), notes: NOTES }, [{ path: 'notes', base: NOTES, value: 'Rewritten entirely.' }]);
    expect(result).toMatchObject({ applied: ['notes'], merged: [], conflicts: [] });
    expect(result.draft.notes).toBe('Rewritten entirely.');
  });

  it('keeps short fields whole: two changes to different words of a title still conflict', () => {
    const stored = { ...base(), title: 'Airline chatbot invented a refund policy' };
    const result = mergeEdits(stored, [{ path: 'title', base: 'Airline chatbot invented a policy', value: 'Air Canada chatbot invented a policy' }]);
    expect(result.draft.title).toBe('Airline chatbot invented a refund policy');
    expect(result.conflicts).toHaveLength(1);
    const codes = mergeEdits({ ...base(), codes: ['M1', 'D1'] }, [{ path: 'codes', base: ['M1'], value: ['M1', 'P2'] }]);
    expect(codes.conflicts).toEqual([{ path: 'codes', mine: ['M1', 'P2'], theirs: ['M1', 'D1'] }]);
  });

  it('keeps both values as a conflict when the merged text would be too long for the schema', () => {
    const long = (letter: string) => `${letter.repeat(30_000)}.`;
    const start = 'Start. End.';
    const result = mergeEdits({ ...base(), summary: `Start. ${long('b')}` }, [{ path: 'summary', base: start, value: `${long('a')} End.` }]);
    expect(result.conflicts).toEqual([{ path: 'summary', mine: `${long('a')} End.`, theirs: `Start. ${long('b')}` }]);
    expect(result.draft.summary).toBe(`Start. ${long('b')}`);
  });

  it('never loses either side of a notes edit: merged with both changes, or kept as a conflict (property)', () => {
    const line = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,3}\.$/);
    fc.assert(
      fc.property(fc.uniqueArray(line, { minLength: 3, maxLength: 12 }), fc.nat(), fc.nat(), line, line, (lines, i, j, mineLine, theirLine) => {
        const at = (n: number) => n % lines.length;
        const replace = (n: number, text: string) => lines.map((l, k) => (k === at(n) ? text : l)).join('\n');
        const editorBase = lines.join('\n');
        const [mine, theirs] = [replace(i, mineLine), replace(j, theirLine)];
        const result = mergeEdits({ ...base(), notes: theirs }, [{ path: 'notes', base: editorBase, value: mine }]);
        if (result.conflicts.length > 0) return result.conflicts[0]!.mine === mine && result.draft.notes === theirs && at(i) === at(j);
        return result.draft.notes.includes(mineLine) && result.draft.notes.includes(theirLine);
      }),
    );
  });
});
