/** One clip, from whichever trigger: capture the tab, store the quote, tell the editor. */
import { explainCaptureFailure, isCaptureFailure } from '../core/capture.ts';
import type { Reply } from '../messages.ts';
import { saveCapture } from '../store/drafts.ts';
import { loadActiveDraftId } from '../store/preferences.ts';
import { CaptureUnavailableError, captureTab, toastInTab } from './inject.ts';
import { flashBadge } from './badge.ts';

export interface ClipResult {
  draftId: string;
  clipId: string;
  title: string;
  created: boolean;
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
  const destination = target ?? (await loadActiveDraftId()) ?? 'new';
  const { draft, clip } = await saveCapture(outcome, destination);
  const title = draft.title || 'Untitled draft';
  await Promise.all([
    toastInTab(tabId, destination === 'new' ? `New incident draft: “${title}”` : `Quote added to “${title}”`, 'ok', frameId),
    flashBadge('+1', `Clipped to “${title}”`),
  ]);
  return { ok: true, value: { draftId: draft.id, clipId: clip.id, title, created: destination === 'new' } };
}
