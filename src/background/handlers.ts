/** What the worker does for each message type. */
import { testConnection } from '../archive/connection.ts';
import { recentDrafts } from '../store/drafts.ts';
import { recordAnchorReports } from '../store/clips.ts';
import { NotReadyError, queueSubmission } from '../store/outbox.ts';
import { saveEveryPageMode } from '../store/preferences.ts';
import { clipFromTab, storeCapture } from './clip.ts';
import { syncEveryPageMode } from './every-page-mode.ts';
import { CaptureUnavailableError, inspectTab } from './inject.ts';
import { refreshPendingBadge, runOutbox } from './outbox-runner.ts';
import { clipsToPaint, pageUrlsFor, paintTab } from './page-clips.ts';
import type { Handlers } from './router.ts';
import { t } from '../ui/i18n.ts';

/** A content script speaks only for the page it runs in. */
function senderPageUrl(sender: { url?: string }): string {
  if (!sender.url || !/^https?:/.test(sender.url)) throw new Error('Only web pages can ask for their clips.');
  return sender.url;
}

export const handlers: Handlers = {
  'clip.fromTab': ({ tabId, target }) => clipFromTab(tabId, target),

  'page.inspect': async ({ tabId }) => {
    try {
      const inspection = await inspectTab(tabId);
      const anchors = await paintTab(tabId, pageUrlsFor(inspection.metadata.originalUrl, inspection.metadata.url));
      return { ok: true, value: { ...inspection, anchors } };
    } catch (error) {
      return { ok: false, error: error instanceof CaptureUnavailableError ? error.message : String(error) };
    }
  },

  'draft.submit': async ({ draftId }) => {
    try {
      await queueSubmission(draftId);
    } catch (error) {
      if (error instanceof NotReadyError) return { ok: false, error: t('submit_not_ready', error.message) };
      throw error;
    }
    await refreshPendingBadge();
    return { ok: true, value: await runOutbox({ now: true }) };
  },

  'outbox.drain': async () => ({ ok: true, value: await runOutbox({ now: true }) }),

  'archive.testConnection': async ({ archiveUrl, token }) => {
    const verdict = await testConnection(archiveUrl, token);
    return verdict.ok ? { ok: true, value: verdict.message } : { ok: false, error: verdict.message };
  },

  'mode.everyPage': async ({ enabled }) => {
    await saveEveryPageMode(enabled);
    return { ok: true, value: await syncEveryPageMode() };
  },

  'content.clipSelection': async ({ capture, target }, sender) => {
    // A page may only clip itself: the claimed URL must be on the sending tab's own origin.
    if (!sender.url || new URL(capture.metadata.originalUrl).origin !== new URL(sender.url).origin) {
      return { ok: false, error: 'A page may only clip its own text.' };
    }
    return { ok: true, value: await storeCapture(capture, target) };
  },

  'content.pageClips': async ({ claimedUrl }, sender) => ({
    ok: true,
    value: await clipsToPaint(pageUrlsFor(senderPageUrl(sender), claimedUrl)),
  }),

  'content.anchorReport': async ({ claimedUrl, reports }, sender) => {
    await recordAnchorReports(reports, pageUrlsFor(senderPageUrl(sender), claimedUrl));
    return { ok: true, value: reports.length };
  },

  'content.recentDrafts': async () => ({
    ok: true,
    value: (await recentDrafts(5)).filter((draft) => draft.submission?.state !== 'accepted').map(({ id, title }) => ({ id, title: title || t('untitled') })),
  }),
};
