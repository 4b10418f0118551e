// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PageClips } from '../../../popup/PageClips.tsx';
import { recordAnchorReports } from '../../../src/store/clips.ts';
import { db } from '../../../src/store/db.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { capture } from '../support/fixtures.ts';

describe('the popup’s quotes of this page', () => {
  it('keeps a note being typed when the quote’s anchor state arrives meanwhile, and saves it on change', async () => {
    const { draft, clip } = await saveCapture(capture(), 'new');
    const root = document.createElement('div');
    document.body.append(root);
    render(<PageClips urls={[draft.sources[0]!.url]} />, root);
    await vi.waitFor(() => expect(root.querySelector('textarea')).not.toBeNull());
    const note = root.querySelector('textarea')!;
    note.value = 'Half-typed note';

    await recordAnchorReports([{ id: clip.id, state: 'orphan' }], [draft.sources[0]!.url], db());
    await vi.waitFor(() => expect(root.textContent).toContain('1 quote is no longer on this page'));
    expect(root.querySelector('textarea')!.value).toBe('Half-typed note');

    note.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect((await db().drafts.get(draft.id))?.clips[0]?.note).toBe('Half-typed note'));
    render(null, root);
  });
});
