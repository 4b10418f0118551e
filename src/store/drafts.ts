/** Draft and clip persistence. Every write is one Dexie transaction, so a killed worker leaves no half-draft. */
import { addCaptureToDraft, draftFromCapture, type Clock, systemClock } from '../core/clip-ops.ts';
import type { PageCapture } from '../core/capture.ts';
import type { ProviderRef } from '../core/providers.ts';
import { Draft as DraftSchema, type Clip, type Draft } from '../core/draft.ts';
import { db, type ClipperDb } from './db.ts';

export class DraftNotFoundError extends Error {
  constructor(id: string) {
    super(`Draft ${id} no longer exists.`);
  }
}

/** Stores a capture as a new draft (`target: 'new'`) or as another quote in an existing draft. */
export async function saveCapture(
  capture: PageCapture,
  target: 'new' | string,
  {
    store = db(),
    clock = systemClock,
    providers = [],
    evidenceSha256,
  }: { store?: ClipperDb; clock?: Clock; providers?: ProviderRef[]; /** Of the page text kept as evidence (computed by the worker, never taken from the page). */ evidenceSha256?: string } = {},
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
    if (evidenceSha256) result = withEvidenceHash(result, evidenceSha256);
    await store.drafts.put(result.draft);
    return result;
  });
}

function withEvidenceHash({ draft, clip }: { draft: Draft; clip: Clip }, evidenceSha256: string): { draft: Draft; clip: Clip } {
  const hashed = { ...clip, evidenceSha256 };
  return { draft: { ...draft, clips: draft.clips.map((candidate) => (candidate.id === clip.id ? hashed : candidate)) }, clip: hashed };
}

export async function recentDrafts(limit = 20, store: ClipperDb = db()): Promise<Draft[]> {
  return store.drafts.orderBy('updatedAt').reverse().limit(limit).toArray();
}

/** Drafts that quote the page at this canonical URL, most recently edited first. */
export async function draftsForUrl(url: string, store: ClipperDb = db()): Promise<Draft[]> {
  const drafts = await store.drafts.where('quotedUrls').equals(url).toArray();
  return drafts.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function clipsOfDraft(draftId: string, store: ClipperDb = db()): Promise<Clip[]> {
  return (await store.drafts.get(draftId))?.clips ?? [];
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
