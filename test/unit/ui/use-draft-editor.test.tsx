// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/store/db.ts';
import { conflictsOf, createNote, saveFieldEdits } from '../../../src/store/editing.ts';
import { useDraftEditor, type DraftEditor } from '../../../src/ui/use-draft-editor.ts';

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 2_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last ${JSON.stringify(value)}`);
    // Not a timer: some tests freeze the timers to show that a save did not wait for one.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function mountEditor(draftId: string): { editor: () => DraftEditor; unmount: () => void } {
  let current: DraftEditor | undefined;
  function Probe() {
    current = useDraftEditor(draftId);
    return null;
  }
  const root = document.createElement('div');
  document.body.append(root);
  render(<Probe />, root);
  return { editor: () => current!, unmount: () => render(null, root) };
}

const storedTitle = async (id: string) => (await db().drafts.get(id))?.title;

describe('the editor state', () => {
  it('saves a keystroke at once when the page is hidden, without waiting for the autosave delay', async () => {
    const note = await createNote('Before');
    const { editor, unmount } = mountEditor(note.id);
    await until(() => editor().draft?.title, (title) => title === 'Before');
    // With the clock stopped the autosave can never fire: only the page being hidden can save the keystroke.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      editor().set('title', 'Typed just before closing');
      await until(() => editor().draft?.title, (title) => title === 'Typed just before closing');
      expect(await storedTitle(note.id)).toBe('Before');
      window.dispatchEvent(new Event('pagehide'));
      await until(() => storedTitle(note.id), (title) => title === 'Typed just before closing');
    } finally {
      vi.useRealTimers();
    }
    unmount();
  });

  it('autosaves after a pause, and undo puts the previous value back', async () => {
    const note = await createNote('Original');
    const { editor, unmount } = mountEditor(note.id);
    await until(() => editor().draft?.title, (title) => title === 'Original');
    editor().set('title', 'O');
    editor().set('title', 'Ov');
    editor().set('title', 'Overwritten');
    await until(() => storedTitle(note.id), (title) => title === 'Overwritten');
    await until(() => editor().saveState, (state) => state === 'saved');
    editor().undo();
    await until(() => storedTitle(note.id), (title) => title === 'Original');
    expect(editor().canUndo).toBe(false);
    unmount();
  });

  it('undoes straight after its own save without taking that save for another editor’s change', async () => {
    const note = await createNote('Original');
    const { editor, unmount } = mountEditor(note.id);
    await until(() => editor().draft?.title, (title) => title === 'Original');
    editor().set('title', 'Changed');
    await editor().flush();
    editor().undo(); // before the live view has caught up with the save
    await editor().flush();
    expect(await storedTitle(note.id)).toBe('Original');
    expect(await conflictsOf(note.id)).toEqual([]);
    unmount();
  });

  it('shows another editor’s save live, and turns a clash on the same field into a kept conflict', async () => {
    const note = await createNote('Shared');
    const a = mountEditor(note.id);
    const b = mountEditor(note.id);
    await until(() => [a.editor().draft?.title, b.editor().draft?.title], ([x, y]) => x === 'Shared' && y === 'Shared');
    b.editor().set('summary', 'From B');
    await b.editor().flush();
    await until(() => a.editor().value('summary'), (summary) => summary === 'From B');

    a.editor().set('title', 'From A');
    b.editor().set('title', 'From B');
    await b.editor().flush();
    await a.editor().flush();
    expect(await storedTitle(note.id)).toBe('From B');
    const [conflict] = await conflictsOf(note.id);
    expect(conflict).toMatchObject({ field: 'title', mine: 'From A', theirs: 'From B' });
    await until(() => a.editor().stored?.conflicts.length, (n) => n === 1);
    a.unmount();
    b.unmount();
  });

  it('keeps another editor’s merged-in sentence when the person typed on while the merging save ran', async () => {
    const note = await createNote('Notes');
    await saveFieldEdits(note.id, [{ path: 'notes', base: '', value: 'One. Two.' }]);
    const { editor, unmount } = mountEditor(note.id);
    await until(() => editor().draft?.notes, (notes) => notes === 'One. Two.');
    editor().set('notes', 'One. Dos.');
    await saveFieldEdits(note.id, [{ path: 'notes', base: 'One. Two.', value: 'Uno. Two.' }]); // the other editor
    const saving = editor().flush();
    await Promise.resolve(); // the save has taken its edits and is on its way
    editor().set('notes', 'One. Dos. Tres.'); // typed on before that save came back
    await saving;
    expect((await db().drafts.get(note.id))?.notes).toBe('Uno. Dos.');
    await editor().flush();
    expect((await db().drafts.get(note.id))?.notes).toBe('Uno. Dos. Tres.');
    expect(await conflictsOf(note.id)).toEqual([]);
    unmount();
  });
});
