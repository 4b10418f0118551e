/** Draft and clip persistence. Every write is one Dexie transaction, so a killed worker leaves no half-draft. */
import { addCaptureToDraft, draftFromCapture, type Clock, systemClock } from '../core/clip-ops.ts';
import type { PageCapture } from '../core/capture.ts';
import type { ProviderRef } from '../core/providers.ts';
import { Draft as DraftSchema, type Clip, type Draft } from '../core/draft.ts';
import { db, type ClipperDb } from './db.ts';
import { readDraft, readDraftsQuoting, readRecentDrafts } from './draft-read.ts';

export class DraftNotFoundError extends Error {
  constructor(id: string) {
    super(`Draft ${id} no longer exists.`);
  }
}

/** Stores a capture as a new draft (`target: 'new'`) or as another quote in an existing draft. */
export async function saveCapture(
  capture: PageCapture,
  target: 'new' | string,
  { store = db(), clock = systemClock, providers = [] }: { store?: ClipperDb; clock?: Clock; providers?: ProviderRef[] } = {},
): Promise<{ draft: Draft; clip: Clip }> {
  return store.transaction('rw', store.drafts, async () => {
    let result: { draft: Draft; clip: Clip };
    if (target === 'new') {
      result = draftFromCapture(capture, clock, providers);
    } else {
      const existing = await store.drafts.get(target);
      if (!existing) throw new DraftNotFoundError(target);
      result = addCaptureToDraft(existing, capture, clock);
    }
    await store.drafts.put(result.draft);
    return result;
  });
}

export async function recentDrafts(limit = 20, store: ClipperDb = db()): Promise<Draft[]> {
  return readRecentDrafts(store, limit);
}

/** Drafts that quote the page at this canonical URL, most recently edited first. */
export async function draftsForUrl(url: string, store: ClipperDb = db()): Promise<Draft[]> {
  const drafts = await readDraftsQuoting(store, [url]);
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function clipsOfDraft(draftId: string, store: ClipperDb = db()): Promise<Clip[]> {
  return (await readDraft(store, draftId))?.clips ?? [];
}

export type EditableFields = Partial<
  Pick<Draft, 'title' | 'summary' | 'severity' | 'announcementDate' | 'incidentDate' | 'rationale' | 'counterfactual' | 'codes' | 'providers' | 'tags' | 'notes'>
>;

/** Applies an edit from the editor; the result is parsed, so a bad value never reaches the store. */
export async function updateDraftFields(id: string, patch: EditableFields, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return store.transaction('rw', store.drafts, async () => {
    const existing = await store.drafts.get(id);
    if (!existing) throw new DraftNotFoundError(id);
    const updated = DraftSchema.parse({ ...existing, ...patch, updatedAt: clock.now() });
    await store.drafts.put(updated);
    return updated;
  });
}
