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
  {
    store = db(),
    clock = systemClock,
    providers = [],
    evidenceSha256,
  }: { store?: ClipperDb; clock?: Clock; providers?: ProviderRef[]; /** Of the page text kept as evidence (computed by the worker, never taken from the page). */ evidenceSha256?: string } = {},
): Promise<{ draft: Draft; clip: Clip }> {
  const hashed = (result: { draft: Draft; clip: Clip }) => (evidenceSha256 ? withEvidenceHash(result, evidenceSha256) : result);
  if (target === 'new') {
    const result = hashed(draftFromCapture(capture, clock, providers));
    return { draft: await addDraft(store, result.draft), clip: result.clip };
  }
  let clip: Clip | undefined;
  const draft = await changeDraft(store, target, (existing) => {
    const result = hashed(addCaptureToDraft(existing, capture, clock));
    clip = result.clip;
    return result.draft;
  });
  return { draft, clip: clip! };
}

function withEvidenceHash({ draft, clip }: { draft: Draft; clip: Clip }, evidenceSha256: string): { draft: Draft; clip: Clip } {
  const hashed = { ...clip, evidenceSha256 };
  return { draft: { ...draft, clips: draft.clips.map((candidate) => (candidate.id === clip.id ? hashed : candidate)) }, clip: hashed };
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
