import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveCapture } from '../../../src/store/drafts.ts';
import { submissionFromDraft } from '../../../src/core/submission.ts';
import { placeRefusals } from '../../../src/workspace/refusal-fields.ts';
import { sourcePath } from '../../../src/workspace/field-paths.ts';
import { capture, freshDb } from '../support/fixtures.ts';

describe('the archive’s refusal placed on the draft', () => {
  it('names the editor field or the quote each reason is about, finding sources by address (the body holds only quoted ones)', async () => {
    const store = freshDb();
    const { draft: first } = await saveCapture(capture({ url: 'https://unquoted.example/a' }), 'new', { store });
    const { draft } = await saveCapture(capture({ url: 'https://news.example/b' }, 'Second quote.'), first.id, { store });
    // A source without quotes is left out of the body: the body's source 0 is the draft's second source.
    const unquoted = { ...draft, clips: draft.clips.filter((clip) => clip.sourceId !== first.sources[0]!.id) };
    const build = submissionFromDraft(unquoted);
    expect(build.ok).toBe(true);
    const body = build.ok ? build.body : undefined;
    const placed = placeRefusals(
      [
        { path: 'title', message: 'contains a NUL character' },
        { path: 'sources.0.publisher', message: 'lone surrogate' },
        { path: 'sources.0.quotes.0', message: 'contains a NUL character' },
        { path: '', message: 'whole body' },
      ],
      body,
      unquoted,
    );
    const second = unquoted.sources.find((source) => source.url === 'https://news.example/b')!;
    expect(placed).toEqual([
      { path: 'title', message: 'contains a NUL character', field: 'title' },
      { path: 'sources.0.publisher', message: 'lone surrogate', field: sourcePath(second.id, 'publisher') },
      { path: 'sources.0.quotes.0', message: 'contains a NUL character', clipId: unquoted.clips[0]!.id },
      { path: '', message: 'whole body' },
    ]);
  });
});
