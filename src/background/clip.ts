/** One clip, from whichever trigger: capture the tab, store the quote and its evidence, tell the editor. */
import { explainCaptureFailure, isCaptureFailure, type PageCapture } from '../core/capture.ts';
import type { Reply } from '../messages.ts';
import { saveCapture } from '../store/drafts.ts';
import { saveEvidence } from '../store/evidence.ts';
import { cachedTaxonomy } from '../store/taxonomy.ts';
import { loadActiveDraftId } from '../store/preferences.ts';
import { CaptureUnavailableError, captureTab, toastInTab } from './inject.ts';
import { flashBadge } from './badge.ts';
import { pageUrlsFor, paintTab } from './page-clips.ts';
import { t } from '../ui/i18n.ts';

export interface ClipResult {
  draftId: string;
  clipId: string;
  title: string;
  created: boolean;
}

/** Stores a capture; the page's text is kept as evidence, but a failure there never loses the clip. */
export async function storeCapture(capture: PageCapture, target: 'new' | string): Promise<ClipResult> {
  const providers = (await cachedTaxonomy())?.providers ?? [];
  const { draft, clip } = await saveCapture(capture, target, { providers });
  if (capture.pageText) await saveEvidence(clip.id, clip.url, capture.pageText).catch((error: unknown) => console.warn('evidence not kept', error));
  return { draftId: draft.id, clipId: clip.id, title: draft.title || t('untitled'), created: target === 'new' };
}

/** `target` omitted: the draft the editor is collecting into, or a new one. */
export async function clipFromTab(tabId: number, target?: 'new' | string, frameId?: number): Promise<Reply<ClipResult>> {
  let outcome;
  try {
    outcome = await captureTab(tabId, frameId);
  } catch (error) {
    const message = error instanceof CaptureUnavailableError ? error.message : String(error);
    await flashBadge('!', message);
    return { ok: false, error: message };
  }
  if (isCaptureFailure(outcome)) {
    const message = explainCaptureFailure(outcome);
    await toastInTab(tabId, message, 'error', frameId);
    return { ok: false, error: message };
  }
  const result = await storeCapture(outcome, target ?? (await loadActiveDraftId()) ?? 'new');
  await Promise.all([
    toastInTab(tabId, t(result.created ? 'clip_toast_new_draft' : 'clip_toast_quote_added', result.title), 'ok', frameId),
    flashBadge('+1', t('clip_badge_clipped', result.title)),
    paintTab(tabId, pageUrlsFor(outcome.metadata.originalUrl, outcome.metadata.url), frameId).catch(() => []),
  ]);
  return { ok: true, value: result };
}
