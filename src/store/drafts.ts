/** Draft and clip persistence. Every write is one Dexie transaction, so a killed worker leaves no half-draft. */
import { addCaptureToDraft, draftFromCapture, type Clock, systemClock } from '../core/clip-ops.ts';
import type { PageCapture } from '../core/capture.ts';
import type { ProviderRef } from '../core/providers.ts';
import type { Clip, Draft } from '../core/draft.ts';
import { db, type ClipperDb } from './db.ts';
import { readDraft, readDraftsQuoting, readRecentDrafts } from './draft-read.ts';
import { addDraft, changeDraft } from './draft-write.ts';

export { DraftNotFoundError } from './draft-write.ts';

/** Stores a capture as a new draft (`target: 'new'`) or as another quote in an existing draft. */
export async function saveCapture(
  capture: PageCapture,
  target: 'new' | string,
  { store = db(), clock = systemClock, providers = [] }: { store?: ClipperDb; clock?: Clock; providers?: ProviderRef[] } = {},
): Promise<{ draft: Draft; clip: Clip }> {
  if (target === 'new') {
    const result = draftFromCapture(capture, clock, providers);
    return { draft: await addDraft(store, result.draft), clip: result.clip };
  }
  let clip: Clip | undefined;
  const draft = await changeDraft(store, target, (existing) => {
    const result = addCaptureToDraft(existing, capture, clock);
    clip = result.clip;
    return result.draft;
  });
  return { draft, clip: clip! };
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
  return changeDraft(store, id, (existing) => ({ ...existing, ...patch, updatedAt: clock.now() }));
}
