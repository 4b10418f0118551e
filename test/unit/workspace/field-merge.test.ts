import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEdits } from '../../../src/workspace/field-merge.ts';
import { sourcePath } from '../../../src/workspace/field-paths.ts';
import { newNote } from '../../../src/workspace/note.ts';
import type { Draft } from '../../../src/core/draft.ts';

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
