/**
 * Opt-in every-page mode (registered only with the editor's consent and the <all_urls> permission):
 * restores this page's highlights, keeps them anchored as the page changes, and offers the Clip button.
 * Talks to the worker with content.* messages only; it never sees the token or the archive.
 */
import type { AnchorReport } from '../core/capture.ts';
import type { ClipToPaint } from '../capture/restore.ts';
import { watchTextChanges } from '../capture/highlight.ts';
import { createClipButton, type DraftChoice } from './clip-button.ts';
import { installPageApi, repaint } from './page-api.ts';
import { tr } from '../ui/i18n-runtime.ts';

type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

async function ask<T>(type: string, payload: unknown): Promise<T | undefined> {
  try {
    const reply = (await chrome.runtime.sendMessage({ type, payload })) as Reply<T> | undefined;
    return reply?.ok ? reply.value : undefined;
  } catch {
    return undefined; // The extension was reloaded or updated: this page's script is orphaned.
  }
}

const api = installPageApi();
const claimedUrl = () => document.querySelector<HTMLLinkElement>('link[rel~="canonical"]')?.href;
const report = (reports: AnchorReport[]) => reports.length > 0 && void ask('content.anchorReport', { claimedUrl: claimedUrl(), reports });

async function restore(): Promise<void> {
  const clips = await ask<ClipToPaint[]>('content.pageClips', { claimedUrl: claimedUrl() });
  if (clips && clips.length > 0) report(api.paint(clips));
}

void restore();
watchTextChanges(document, () => report(repaint()), 500);

const clipButton = createClipButton(document, {
  loadDrafts: async () => (await ask<DraftChoice[]>('content.recentDrafts', {})) ?? [],
  clip: async (target) => {
    const outcome = api.capture();
    if ('failure' in outcome) return api.toast(tr('clip_select_first'), 'error');
    const result = await ask<{ title: string; created: boolean }>('content.clipSelection', { capture: outcome, target });
    if (!result) return api.toast(tr('clip_not_saved'), 'error');
    api.toast(tr(result.created ? 'clip_toast_new_draft' : 'clip_toast_quote_added', result.title), 'ok');
    await restore();
  },
});

function onSelectionSettled(event: Event): void {
  if (clipButton.contains(event.target)) return;
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
