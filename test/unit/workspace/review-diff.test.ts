import { describe, expect, it } from 'vitest';
import { changesSince, wordDiff } from '../../../src/core/review-diff.ts';
import { QUOTE_ID, syncDraft } from '../support/review-fixtures.ts';

describe('what changed since the last review', () => {
  it('lists only the fields that differ, with words kept, removed and added', () => {
    const before = syncDraft({ rationale: 'The bot made up a policy.', codes: ['HALL'] });
    const after = syncDraft({ rationale: 'The bot made up a refund policy; a tribunal ruled.', codes: ['HALL', 'M1'] });
    const changes = changesSince(before, after);
    expect(changes.map((change) => change.key)).toEqual(['rationale', 'codes']);
    expect(changes[0]!.parts).toEqual([
      { kind: 'same', text: 'The bot made up a ' },
      { kind: 'removed', text: 'policy.' },
      { kind: 'added', text: 'refund policy; a tribunal ruled.' },
    ]);
    expect(changes[1]).toMatchObject({ before: 'HALL', after: 'HALL, M1' });
  });

  it('names a quote that was edited or removed, and finds nothing when nothing changed', () => {
    const before = syncDraft();
    expect(changesSince(before, syncDraft())).toEqual([]);
    const edited = syncDraft({ quote: 'The chatbot said a full refund was due.' });
    expect(changesSince(before, edited).map((c) => c.key)).toEqual([`quote:${QUOTE_ID}`]);
    const removed = syncDraft();
    removed.quotes[QUOTE_ID] = { ...removed.quotes[QUOTE_ID]!, deleted: true };
    expect(changesSince(before, removed)).toEqual([
      { key: `quote:${QUOTE_ID}`, before: 'The chatbot said a refund was due.', after: '', parts: [{ kind: 'removed', text: 'The chatbot said a refund was due.' }] },
    ]);
  });

  it('keeps whitespace and line breaks as they were', () => {
    expect(wordDiff('a\n\nb', 'a\n\nc')).toEqual([
      { kind: 'same', text: 'a\n\n' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'c' },
    ]);
  });
});
