/**
 * The editor's state over one stored draft. Only fields being edited are held locally, each with the
 * stored value it started from (its base); every other field shows the store live, so a second editor's
 * changes appear as they are saved. Edits autosave after AUTOSAVE_MS of quiet and are flushed at once
 * when the page is hidden or closed. A field changed underneath becomes a kept conflict.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Draft } from '../core/draft.ts';
import type * as Editing from '../store/editing.ts';
import { debounced } from '../workspace/debounce.ts';
import { readField, sameValue, writeField, type FieldPath } from '../workspace/field-paths.ts';
import { afterPaint } from './after-paint.ts';
import { useDraftView, type StoredDraftView } from './draft-view.ts';

export const AUTOSAVE_MS = 400;

let editing: Promise<typeof Editing> | undefined;
/**
 * The store's save, loaded after the first paint rather than with the editor (its module carries the
 * schemas, which drawing the fields does not need). Loaded long before anyone has typed and paused.
 */
const loadEditing = () => (editing ??= import('../store/editing.ts'));

interface Pending {
  base: unknown;
  value: unknown;
}

interface UndoStep {
  path: FieldPath;
  before: unknown;
}

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface DraftEditor {
  stored: StoredDraftView | undefined;
  /** The stored draft with the pending edits laid over it: what the person sees. */
  draft: Draft | undefined;
  value(path: FieldPath): unknown;
  set(path: FieldPath, value: unknown): void;
  undo(): void;
  canUndo: boolean;
  flush(): Promise<void>;
  /** Why a pending value was not stored (e.g. an incomplete URL), by field path. */
  invalid: Partial<Record<FieldPath, string>>;
  saveState: SaveState;
  error: string | null;
}

export function useDraftEditor(draftId: string): DraftEditor {
  const stored = useDraftView(draftId);
  const pending = useRef(new Map<FieldPath, Pending>());
  const undoStack = useRef<UndoStep[]>([]);
  const [, rerender] = useState(0);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<Partial<Record<FieldPath, string>>>({});
  const storedRef = useRef(stored);
  storedRef.current = stored;
  // What this editor itself saved last: the live query may not have caught up with it yet, and an edit's
  // base must never be older than our own save (or the edit would look like a clash with ourselves).
  const savedRef = useRef<Draft | undefined>(undefined);
  const latestKnown = (): Draft | undefined => {
    const live = storedRef.current?.draft;
    const saved = savedRef.current;
    if (!live || !saved) return live ?? saved;
    return saved.updatedAt >= live.updatedAt ? saved : live;
  };

  const saver = useMemo(
    () =>
      debounced(async () => {
        const sent = [...pending.current.entries()].map(([path, { base, value }]) => ({ path, base, value }));
        if (sent.length === 0) return;
        setSaveState('saving');
        try {
          const { saveFieldEdits } = await loadEditing();
          const result = await saveFieldEdits(draftId, sent);
          savedRef.current = result.draft;
          const settled = new Set([...result.applied, ...result.conflicts.map((conflict) => conflict.path)]);
          for (const edit of sent) {
            const now = pending.current.get(edit.path);
            if (!now || !settled.has(edit.path)) continue;
            // Typed on while saving: keep the newer value pending. Its base is what this editor sent when that
            // was stored, so a change merged in from another editor still differs from it and is merged again, not erased.
            if (sameValue(now.value, edit.value)) pending.current.delete(edit.path);
            else now.base = result.merged.includes(edit.path) ? edit.value : readField(result.draft, edit.path);
          }
          setInvalid(Object.fromEntries(result.invalid.map((item) => [item.path, item.message])));
          setError(null);
          setSaveState(result.invalid.length > 0 ? 'error' : pending.current.size > 0 ? 'pending' : 'saved');
        } catch (caught) {
          setError(caught instanceof Error ? caught.message : String(caught));
          setSaveState('error');
        }
        rerender((n) => n + 1);
      }, AUTOSAVE_MS),
    [draftId],
  );

  useEffect(() => {
    // Once the page has painted and settled; a keystroke before that loads it at once (see apply).
    const cancelPreload = typeof requestAnimationFrame === 'function' ? afterPaint(() => void loadEditing()) : undefined;
    const flushNow = () => void saver.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flushNow);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flushNow);
      cancelPreload?.();
      flushNow();
    };
  }, [saver]);

  let draft = stored?.draft;
  for (const [path, { value: local }] of draft ? pending.current : []) draft = writeField(draft!, path, local);

  function value(path: FieldPath): unknown {
    const local = pending.current.get(path);
    if (local) return local.value;
    return stored?.draft ? readField(stored.draft, path) : undefined;
  }

  function apply(path: FieldPath, next: unknown, recordUndo: boolean) {
    const current = latestKnown();
    if (!current) return;
    const before = value(path);
    const existing = pending.current.get(path);
    if (existing) existing.value = next;
    else pending.current.set(path, { base: readField(current, path), value: next });
    if (recordUndo) {
      const top = undoStack.current[undoStack.current.length - 1];
      // A run of keystrokes in one field is one undo step.
      if (!top || top.path !== path || !existing) undoStack.current.push({ path, before });
    }
    setSaveState('pending');
    rerender((n) => n + 1);
    void loadEditing(); // Usually loaded already (see below); if not, it is by the time the save runs.
    saver.schedule();
  }

  return {
    stored,
    draft,
    value,
    set: (path, next) => apply(path, next, true),
    undo() {
      const step = undoStack.current.pop();
      if (step) apply(step.path, step.before, false);
    },
    canUndo: undoStack.current.length > 0,
    flush: () => saver.flush(),
    invalid,
    saveState,
    error,
  };
}
