// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';

// The view's buttons talk to the worker; these tests only type in the title.
vi.mock('webextension-polyfill', () => ({ default: {} }));

import { DraftView } from '../../../popup/DraftView.tsx';
import { db } from '../../../src/store/db.ts';
import { conflictsOf, createNote, saveFieldEdits } from '../../../src/store/editing.ts';

const storedTitle = async (id: string) => (await db().drafts.get(id))?.title;

/** Opens the popup's view of a new draft titled 'Shown title' and starts typing over the title. */
async function typingInTitle(typed: string) {
  const note = await createNote('Shown title');
  const root = document.createElement('div');
  document.body.append(root);
  render(<DraftView draftId={note.id} onBack={() => {}} />, root);
  const input = await vi.waitFor(() => {
    const found = root.querySelector<HTMLInputElement>('#draft-title');
    expect(found?.value).toBe('Shown title');
    return found!;
  });
  input.dispatchEvent(new FocusEvent('focus'));
  input.value = typed;
  return { note, input, unmount: () => render(null, root) };
}

describe('the popup’s draft title', () => {
  it('keeps what is being typed while the editor saves another field, then saves it', async () => {
    const { note, input, unmount } = await typingInTitle('Typed in the popup');
    await saveFieldEdits(note.id, [{ path: 'summary', base: '', value: 'Saved by the editor meanwhile.' }]);
    await new Promise((resolve) => setTimeout(resolve, 100)); // the live query redraws the view
    expect(input.value).toBe('Typed in the popup');

    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect(await storedTitle(note.id)).toBe('Typed in the popup'));
    unmount();
  });

  it('turns a title typed over one changed meanwhile in the editor into a conflict, not a loss', async () => {
    const { note, input, unmount } = await typingInTitle('Typed in the popup');
    await saveFieldEdits(note.id, [{ path: 'title', base: 'Shown title', value: 'Renamed in the editor' }]);
    await new Promise((resolve) => setTimeout(resolve, 100));

    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(async () => expect(await conflictsOf(note.id)).toHaveLength(1));
    expect(await storedTitle(note.id)).toBe('Renamed in the editor');
    expect((await conflictsOf(note.id))[0]).toMatchObject({ field: 'title', mine: 'Typed in the popup', theirs: 'Renamed in the editor' });
    unmount();
  });
});
