/** What the worker does for each message type. */
import { testConnection } from '../archive/connection.ts';
import { saveCapture } from '../store/drafts.ts';
import { NotReadyError, queueSubmission } from '../store/outbox.ts';
import { clipFromTab } from './clip.ts';
import { CaptureUnavailableError, inspectTab } from './inject.ts';
import { refreshPendingBadge, runOutbox } from './outbox-runner.ts';
import type { Handlers } from './router.ts';

export const handlers: Handlers = {
  'clip.fromTab': ({ tabId, target }) => clipFromTab(tabId, target),

  'page.inspect': async ({ tabId }) => {
    try {
      return { ok: true, value: await inspectTab(tabId) };
    } catch (error) {
      return { ok: false, error: error instanceof CaptureUnavailableError ? error.message : String(error) };
    }
  },

  'draft.submit': async ({ draftId }) => {
    try {
      await queueSubmission(draftId);
    } catch (error) {
      if (error instanceof NotReadyError) return { ok: false, error: `Not ready to submit: ${error.message}` };
      throw error;
    }
    await refreshPendingBadge();
    return { ok: true, value: await runOutbox() };
  },

  'outbox.drain': async () => ({ ok: true, value: await runOutbox() }),

  'archive.testConnection': async ({ archiveUrl, token }) => {
    const verdict = await testConnection(archiveUrl, token);
    return verdict.ok ? { ok: true, value: verdict.message } : { ok: false, error: verdict.message };
  },

  'content.clipSelection': async ({ capture, target }, sender) => {
    // A page may only clip itself: the claimed URL must be on the sending tab's own origin.
    if (!sender.url || new URL(capture.metadata.originalUrl).origin !== new URL(sender.url).origin) {
      return { ok: false, error: 'A page may only clip its own text.' };
    }
    const { draft } = await saveCapture(capture, target);
    return { ok: true, value: { draftId: draft.id, title: draft.title } };
  },
};
