import { expect, it } from 'vitest';
import { draftFromCapture } from '../../../src/core/clip-ops.ts';
import { submissionFromDraft } from '../../../src/core/submission.ts';
import { capture } from '../support/fixtures.ts';

it('sends a source\'s originalUrl only when it is http(s), so a draft first seen at a file: or urn: address stays submittable', () => {
  const { draft } = draftFromCapture(capture({ url: 'https://news.example/a', originalUrl: 'https://news.example/a?utm_source=x' }));
  const kept = submissionFromDraft(draft);
  expect(kept.ok && kept.body.sources[0]?.originalUrl).toBe('https://news.example/a?utm_source=x');
  for (const address of ['file:///home/ada/page.html', 'urn:x-pdf:abc', 'javascript:alert(1)']) {
    const local = { ...draft, sources: draft.sources.map((source) => ({ ...source, originalUrl: address })) };
    const built = submissionFromDraft(local);
    expect(built.ok, address).toBe(true);
    expect(built.ok && built.body.sources[0]?.originalUrl, address).toBeUndefined();
  }
});
