/**
 * Opt-in every-page mode (registered only with the editor's consent and the <all_urls> permission):
 * restores this page's highlights, keeps them anchored as the page changes, and offers the Clip button.
 * Talks to the worker with content.* messages only; it never sees the token or the archive.
 */
import type { AnchorReport } from '../core/capture.ts';
import type { ClipToPaint } from '../capture/restore.ts';
import { watchTextChanges } from '../capture/highlight.ts';
import { createClipButton } from './clip-button.ts';
import { installPageApi, paintingParts, repaint } from './page-api.ts';
import { tr } from '../i18n/i18n-runtime.ts';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

async function ask<T>(type: string, payload: unknown): Promise<Reply<T>> {
  try {
    return ((await chrome.runtime.sendMessage({ type, payload })) as Reply<T> | undefined) ?? { ok: false, error: tr('clip_not_saved') };
  } catch {
    return { ok: false, error: tr('clip_not_saved') }; // The extension was reloaded or updated: this page's script is orphaned.
  }
}
const value = <T>(reply: Reply<T>) => (reply.ok ? reply.value : undefined);

const api = installPageApi(paintingParts);

/** The capture code (selection, metadata, date tables) is not part of this every-page script: the worker injects capture.js on a clip. */
async function captureSelection(): Promise<ReturnType<NonNullable<typeof api.capture>> | undefined> {
  if (!api.capture && !(await ask<null>('content.loadCapture', {})).ok) return undefined;
  return api.capture?.();
}
const claimedUrl = () => document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
const report = (reports: AnchorReport[]) => reports.length > 0 && void ask('content.anchorReport', { claimedUrl: claimedUrl(), reports });

async function restore(): Promise<void> {
  const clips = value(await ask<ClipToPaint[]>('content.pageClips', { claimedUrl: claimedUrl() }));
  if (clips && clips.length > 0) report(api.paint(clips));
}

void restore();
watchTextChanges(document, () => report(repaint()), 500);

const clipButton = createClipButton(document, {
  clip: async (target, confirmed) => {
    const outcome = await captureSelection();
    if (!outcome) {
      api.toast(tr('clip_not_saved'), 'error');
      return 'done';
    }
    if ('failure' in outcome) {
      api.toast(tr('clip_select_first'), 'error');
      return 'done';
    }
    const reply = await ask<{ created: boolean } | { needsConfirmation: true }>('content.clipSelection', { capture: outcome, target, confirmed });
    if (!reply.ok) {
      api.toast(reply.error, 'error');
      return 'done';
    }
    if ('needsConfirmation' in reply.value) return 'needs-confirmation';
    api.toast(tr(reply.value.created ? 'toast_new_draft' : 'toast_quote_added'), 'ok', true);
    await restore();
    return 'done';
  },
  refused: () => api.toast(tr('clip_button_refused'), 'error'),
});

function onSelectionSettled(event: Event): void {
  if (!event.isTrusted || clipButton.contains(event.target)) return;
  setTimeout(() => {
    const selection = document.getSelection();
    const text = selection?.toString().trim() ?? '';
    if (!selection || selection.rangeCount === 0 || text === '') return clipButton.hide();
    clipButton.showAt(selection.getRangeAt(0).getBoundingClientRect());
  }, 0);
}
document.addEventListener('mouseup', onSelectionSettled);
document.addEventListener('keyup', (event) => {
  if (event.key === 'Escape') clipButton.hide();
  else if (event.shiftKey) onSelectionSettled(event);
});
// The button is placed in the viewport beside the selection; once the page scrolls it would point elsewhere.
window.addEventListener('scroll', () => clipButton.hide(), { passive: true });
