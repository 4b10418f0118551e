// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { PageClips } from '../../../popup/PageClips.tsx';
import { recordAnchorReports } from '../../../src/store/clips.ts';
import { db } from '../../../src/store/db.ts';
import { saveCapture } from '../../../src/store/drafts.ts';
import { capture } from '../support/fixtures.ts';

async function until(ok: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the popup’s quotes of this page', () => {
  it('keeps a note being typed when the quote’s anchor state arrives meanwhile, and saves it on change', async () => {
    const { clip } = await saveCapture(capture(), 'new');
    const root = document.createElement('div');
    document.body.append(root);
    render(<PageClips urls={[clip.url]} />, root);
    await until(() => root.querySelector('textarea') !== null);
    const note = root.querySelector('textarea')!;
    note.value = 'Half-typed note';

    await recordAnchorReports([{ id: clip.id, state: 'orphan' }], [clip.url], db());
    await until(() => root.textContent?.includes('1 quote is no longer on this page') ?? false);
    expect(root.querySelector('textarea')!.value).toBe('Half-typed note');

    note.dispatchEvent(new Event('change', { bubbles: true }));
    let stored: string | undefined;
    await until(() => (void db().clips.get(clip.id).then((row) => (stored = row?.note)), stored === 'Half-typed note'));
    render(null, root);
  });
});
