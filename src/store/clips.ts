/** Quotes, stored inside their draft: the quotes on a page, their anchoring state, notes, removal. */
import type { AnchorReport } from '../core/capture.ts';
import type { Clip, Draft } from '../core/draft.ts';
import { systemClock, type Clock } from '../core/clip-ops.ts';
import { byCreation } from '../core/clip-order.ts';
import { annotationsIntoDraft, type AnnotationImport } from '../workspace/io/web-annotation.ts';
import { db, type ClipperDb } from './db.ts';
import { readDraftsQuoting } from './draft-read.ts';
import { changeDraft, DraftNotFoundError, putDrafts } from './draft-write.ts';

/** A quote with the id of the draft holding it (computed when read: the stored quote does not repeat it). */
export type QuoteOfDraft = Clip & { draftId: string };

/** The quotes taken on the pages at these canonical URLs, whichever draft holds them, oldest first. */
export async function clipsForUrls(urls: string[], store: ClipperDb = db()): Promise<QuoteOfDraft[]> {
  const unique = [...new Set(urls)];
  const drafts = await readDraftsQuoting(store, unique);
  return drafts.flatMap((draft) => quotesOnPages(draft, unique).map((clip) => ({ ...clip, draftId: draft.id }))).sort(byCreation);
}

/** The draft's quotes taken on one of `pageUrls` (canonical URLs). */
function quotesOnPages(draft: Draft, pageUrls: readonly string[]): Clip[] {
  const onPages = new Set(draft.sources.filter((source) => pageUrls.includes(source.url)).map((source) => source.id));
  return draft.clips.filter((clip) => onPages.has(clip.sourceId));
}

/** Stores what the page said about each quote; only clips of the reported page are touched. */
export async function recordAnchorReports(reports: AnchorReport[], pageUrls: string[], store: ClipperDb = db(), now = new Date().toISOString()) {
  const states = new Map(reports.map(({ id, state }) => [id, state]));
  await store.transaction('rw', store.drafts, async () => {
    const drafts = await readDraftsQuoting(store, pageUrls);
    // Not an edit: the draft's updatedAt stays (where a quote was found is nothing to search or review).
    const changed = drafts.flatMap((draft) => {
      const onPages = new Set(quotesOnPages(draft, pageUrls));
      const report = (clip: Clip) => {
        const state = states.get(clip.id);
        return state && onPages.has(clip) ? { ...clip, anchor: { state, checkedAt: now } } : clip;
      };
      const clips = draft.clips.map(report);
      return clips.some((clip, index) => clip !== draft.clips[index]) ? [{ ...draft, clips }] : [];
    });
    await putDrafts(store, changed);
  });
}

/** A quote of a stored draft: which draft, and which quote in it. */
export interface ClipRef {
  id: string;
  draftId: string;
}

/** Changes a quote's note. Its draft counts as changed too, so a saved search index re-reads it. */
export async function updateClipNote(ref: ClipRef, note: string, store: ClipperDb = db(), now = new Date().toISOString()): Promise<void> {
  await changeClips(ref.draftId, (clips) => clips.map((clip) => (clip.id === ref.id ? { ...clip, note: note.slice(0, 20_000) } : clip)), store, now);
}

/** Removes a quote; the draft keeps its source even when no quote is left, so nothing else is lost. */
export async function removeClip(ref: ClipRef, store: ClipperDb = db(), now = new Date().toISOString()): Promise<void> {
  await changeClips(ref.draftId, (clips) => clips.filter((clip) => clip.id !== ref.id), store, now);
}

async function changeClips(draftId: string, change: (clips: Clip[]) => Clip[], store: ClipperDb, now: string): Promise<void> {
  // A quote of a draft deleted meanwhile: nothing left to change.
  await changeDraft(store, draftId, (draft) => ({ ...draft, clips: change(draft.clips), updatedAt: now })).catch((error: unknown) => {
    if (!(error instanceof DraftNotFoundError)) throw error;
  });
}

/** Adds the quotes of a W3C Web Annotation file (already parsed JSON) to a stored draft. */
export async function addAnnotations(draftId: string, json: unknown, store: ClipperDb = db(), clock: Clock = systemClock): Promise<AnnotationImport> {
  let result: AnnotationImport | undefined;
  await changeDraft(store, draftId, (stored) => {
    result = annotationsIntoDraft(json, stored, clock);
    return result.clips.length > 0 ? result.draft : stored;
  });
  return result!;
}
