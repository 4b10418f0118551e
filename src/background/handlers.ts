/** What the worker does for each message type. */
import { testConnection } from '../archive/connection.ts';
import { draftsForUrl } from '../store/drafts.ts';
import { canonicalizeUrl } from '../core/url.ts';
import { browser } from '../extension-api.ts';
import { editorPath } from '../ui/open-editor.ts';
import { recordAnchorReports } from '../store/clips.ts';
import { NotReadyError, queueSubmission } from '../store/outbox.ts';
import { saveEveryPageMode } from '../store/preferences.ts';
import { keepSearchIndexSaved } from '../store/search.ts';
import { clipForPage, clipFromTab, lastDraftOfTab } from './clip.ts';
import { syncEveryPageMode } from './every-page-mode.ts';
import { createClipThrottle } from './clip-throttle.ts';
import { CaptureUnavailableError, ensureInjected, inspectTab } from './inject.ts';
import { refreshPendingBadge, runOutbox } from './outbox-runner.ts';
import { clipsToPaint, pageUrlsFor, paintTab } from './page-clips.ts';
import type { Handlers } from './router.ts';
import { runSync, syncSoon } from './sync-runner.ts';
import { t } from '../i18n/i18n.ts';
import { checkLabel } from '../ui/check-label.ts';
import { submitBlockers } from './submit-readiness.ts';
import { moveOwnDraft } from './review-moves.ts';
import { refreshWaitingBadge } from './waiting-badge.ts';

const draftOpenThrottle = createClipThrottle(3);

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
    const blockers = await submitBlockers(draftId);
    if (blockers.length > 0) return { ok: false, error: t('submit_not_ready', blockers.map(checkLabel).join('; ')) };
    try {
      await queueSubmission(draftId);
    } catch (error) {
      if (error instanceof NotReadyError) return { ok: false, error: t('submit_not_ready', error.message) };
      throw error;
    }
    await refreshPendingBadge();
    return { ok: true, value: await runOutbox({ now: true }) };
  },

  'review.move': async ({ draftId, to }) => {
    const reply = await moveOwnDraft(draftId, to);
    void refreshWaitingBadge();
    return reply;
  },

  'outbox.drain': async () => ({ ok: true, value: await runOutbox({ now: true }) }),

  'sync.now': async ({ afterEdit }) => {
    if (afterEdit) syncSoon();
    else void runSync(true).then(refreshWaitingBadge);
    return { ok: true, value: null };
  },

  'archive.testConnection': async ({ archiveUrl, token }) => {
    const verdict = await testConnection(archiveUrl, token);
    return verdict.ok ? { ok: true, value: verdict.message } : { ok: false, error: verdict.message };
  },

  'mode.everyPage': async ({ enabled }) => {
    await saveEveryPageMode(enabled);
    return { ok: true, value: await syncEveryPageMode() };
  },

  'content.clipSelection': ({ capture, target, confirmed }, sender) => clipForPage(capture, target, confirmed ?? false, sender),

  'search.keepIndex': async () => {
    await keepSearchIndexSaved();
    return { ok: true, value: null };
  },

  'content.loadCapture': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return { ok: false, error: t('clip_page_only_itself') };
    await ensureInjected(tabId, sender.frameId);
    return { ok: true, value: null };
  },

  'content.pageClips': async ({ claimedUrl }, sender) => ({
    ok: true,
    value: await clipsToPaint(pageUrlsFor(senderPageUrl(sender), claimedUrl)),
  }),

  'content.anchorReport': async ({ claimedUrl, reports }, sender) => {
    await recordAnchorReports(reports, pageUrlsFor(senderPageUrl(sender), claimedUrl));
    return { ok: true, value: reports.length };
  },

  'content.openDraft': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    // Each call opens a tab: a page must not be able to open dozens.
    if (tabId === undefined || !draftOpenThrottle(tabId).ok) return { ok: false, error: t('toast_no_draft_to_open') };
    const draftId = lastDraftOfTab.get(tabId) ?? (await draftsForUrl(canonicalizeUrl(senderPageUrl(sender))))[0]?.id;
    if (draftId === undefined) return { ok: false, error: t('toast_no_draft_to_open') };
    await browser.tabs.create({ url: browser.runtime.getURL(editorPath(draftId)), openerTabId: tabId });
    return { ok: true, value: null };
  },
};
