/** Clip rows: the quotes on a page, their anchoring state, notes, removal. */
import type { AnchorReport } from '../core/capture.ts';
import type { Clip } from '../core/draft.ts';
import { db, type ClipperDb } from './db.ts';

export async function clipsForUrls(urls: string[], store: ClipperDb = db()): Promise<Clip[]> {
  const unique = [...new Set(urls)];
  return store.clips.where('url').anyOf(unique).sortBy('createdAt');
}

/** Stores what the page said about each quote; only clips of the reported page are touched. */
export async function recordAnchorReports(reports: AnchorReport[], pageUrls: string[], store: ClipperDb = db(), now = new Date().toISOString()) {
  await store.transaction('rw', store.clips, async () => {
    for (const { id, state } of reports) {
      const clip = await store.clips.get(id);
      if (!clip || !pageUrls.includes(clip.url)) continue;
      await store.clips.put({ ...clip, anchor: { state, checkedAt: now } });
    }
  });
}

/** Changes a quote's note. Its draft counts as changed too, so a saved search index re-reads it. */
export async function updateClipNote(id: string, note: string, store: ClipperDb = db(), now = new Date().toISOString()): Promise<void> {
  await store.transaction('rw', store.clips, store.drafts, async () => {
    const clip = await store.clips.get(id);
    if (!clip) return;
    await store.clips.put({ ...clip, note: note.slice(0, 20_000) });
    await store.drafts.update(clip.draftId, { updatedAt: now });
  });
}

/** Removes a quote; the draft keeps its source even when no quote is left, so nothing else is lost. */
export async function removeClip(id: string, store: ClipperDb = db()): Promise<void> {
  await store.clips.delete(id);
}
