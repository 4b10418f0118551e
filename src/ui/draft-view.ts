/**
 * What an editor shows of one stored draft (the draft with its clips by its key, its conflicts by their
 * index), as a live query. Small on purpose: a page that opens on a draft loads this first, and Dexie
 * only after it, so the draft can be drawn from an earlier read (the side panel's open-db.js) before
 * Dexie has even loaded.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Clip, Draft } from '../core/draft.ts';
import type { ClipperDb, ConflictRow } from '../store/db.ts';

export interface StoredDraftView {
  draft: Draft | undefined;
  clips: Clip[];
  conflicts: ConflictRow[];
}

/** What the editor shows of one draft: the draft (with its clips) by its key, its conflicts by their index. */
export async function readDraftView(draftId: string, store: ClipperDb): Promise<StoredDraftView> {
  // The read of conflictsOf, written out so that this module (loaded before anything else by a page that
  // opens on a draft) does not pull in the store's schemas.
  const [draft, conflicts] = await Promise.all([store.drafts.get(draftId), store.conflicts.where({ draftId }).toArray()]);
  return { draft, clips: draft?.clips ?? [], conflicts };
}

/** A live view of one draft, subscribed once; `onValue` is told each new value. */
interface ViewSubscription {
  value: StoredDraftView | undefined;
  onValue: ((value: StoredDraftView) => void) | undefined;
  unsubscribe(): void;
}

/**
 * With a draft read before Dexie (see primeDraftView), Dexie's code can wait until the page has loaded:
 * fetched earlier, it only holds up the page's load event.
 */
function afterLoad(): Promise<void> {
  if (typeof document === 'undefined' || document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

function subscribeView(draftId: string, first?: Promise<StoredDraftView | undefined>): ViewSubscription {
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
    if (first) await afterLoad();
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
export function primeDraftView(draftId: string, first?: Promise<StoredDraftView | undefined>): void {
  if (!primed.has(draftId)) primed.set(draftId, subscribeView(draftId, first));
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
