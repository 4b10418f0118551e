/**
 * What an editor shows of one stored draft (the draft with its clips by its key, its conflicts by their
 * index), as a live query. Small on purpose: a page that opens on a draft loads this first, and Dexie
 * only after it, so the draft can be drawn from an earlier read (the side panel's open-db.js) before
 * Dexie has even loaded.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { ClipperDb, ConflictRow, StoredDraft } from '../store/db.ts';
import { openedDraftOf, readOpenedDraft, type OpenedDraft } from '../store/draft-read.ts';

export type StoredDraftView = OpenedDraft;

/** The rows public/sidepanel/open-db.js fetched with the bare IndexedDB API, before Dexie had loaded. */
export interface EarlyRows {
  row: StoredDraft | undefined;
  conflicts: ConflictRow[];
}

/** What the editor shows of one draft: the draft (with its clips) by its key, its conflicts by their index. */
export function readDraftView(draftId: string, store: ClipperDb): Promise<StoredDraftView> {
  return readOpenedDraft(store, draftId);
}

/** A live view of one draft, subscribed once; `onValue` is told each new value. */
interface ViewSubscription {
  value: StoredDraftView | undefined;
  onValue: ((value: StoredDraftView) => void) | undefined;
  unsubscribe(): void;
}

/**
 * With a draft read before Dexie (see primeDraftView), Dexie's code can wait until the page has loaded:
 * fetched earlier, it only holds up the page's load event (and the earlier read's answer).
 */
function afterLoad(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function subscribeView(draftId: string, early?: Promise<EarlyRows | undefined>): ViewSubscription {
  const first = early?.then((rows) => rows && openedDraftOf(rows.row, rows.conflicts));
  let live = false;
  let stopped = false;
  const view: ViewSubscription = { value: undefined, onValue: undefined, unsubscribe: () => (stopped = true) };
  const show = (value: StoredDraftView) => {
    view.value = value;
    view.onValue?.(value);
  };
  // The earlier read shows until the live query answers; it never overwrites a live answer.
  void first?.then((value) => value && !live && !stopped && show(value));
  const load = async () => {
    // Dexie's code (the store's largest chunk) is fetched and evaluated only once the earlier read has
    // answered: loading it while that answer is on its way held up the draft's first drawing.
    if (first) await Promise.all([first.catch(() => undefined), afterLoad()]);
    const [{ liveQuery }, { db }] = await Promise.all([import('dexie'), import('../store/db.ts')]);
    if (stopped) return;
    const subscription = liveQuery(() => readDraftView(draftId, db())).subscribe({
      next: (value) => {
        const same = !live && view.value !== undefined && JSON.stringify(value) === JSON.stringify(view.value);
        live = true;
        if (!same) show(value); // The first answer is usually what the earlier read showed: no redraw.
      },
      error: (error: unknown) => console.error(error),
    });
    view.unsubscribe = () => subscription.unsubscribe();
  };
  load().catch((error: unknown) => console.error(error));
  return view;
}

const primed = new Map<string, ViewSubscription>();

/**
 * Starts reading a draft before its editor is mounted (a page that opens on one draft calls it first
 * thing), so the database works while the rest of the page's code is still being evaluated. The next
 * editor of that draft takes this live query over instead of starting its own.
 */
export function primeDraftView(draftId: string, early?: Promise<EarlyRows | undefined>): void {
  if (!primed.has(draftId)) primed.set(draftId, subscribeView(draftId, early));
}

/** The draft, its clips and conflicts, kept up to date as the store changes. */
export function useDraftView(draftId: string): StoredDraftView | undefined {
  const [value, setValue] = useState<StoredDraftView | undefined>(() => primed.get(draftId)?.value);
  // A layout effect: it subscribes before the first paint rather than a frame after it.
  useLayoutEffect(() => {
    const view = primed.get(draftId) ?? subscribeView(draftId);
    primed.delete(draftId); // Taken once: a later editor of this draft subscribes afresh.
    view.onValue = setValue;
    if (view.value) setValue(view.value);
    return () => view.unsubscribe();
  }, [draftId]);
  return value;
}
