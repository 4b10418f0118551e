/** One clip, from whichever trigger: capture the tab, store the quote and its evidence, tell the editor. */
import { browser, type Runtime } from '../extension-api.ts';
import { explainCaptureFailure, isCaptureFailure, type PageCapture } from '../core/capture.ts';
import { isSameSite } from '../core/site.ts';
import { isHttpUrl } from '../core/url.ts';
import { quoteUrl } from '../core/quote-url.ts';
import type { PageClipTarget, Reply } from '../messages.ts';
import { saveCapture } from '../store/drafts.ts';
import { db } from '../store/db.ts';
import { readDraft } from '../store/draft-read.ts';
import { saveEvidence, sha256Hex } from '../store/evidence.ts';
import { cachedTaxonomy } from '../store/taxonomy.ts';
import { loadActiveDraftId } from '../store/preferences.ts';
import { CaptureUnavailableError, captureTab, toastInTab } from './inject.ts';
import { flashBadge } from './badge.ts';
import { checkKnownSource } from './known-sources.ts';
import { createClipThrottle } from './clip-throttle.ts';
import { pageUrlsFor, paintTab } from './page-clips.ts';
import { matchesMenuSelection, trustedCapture } from './trusted-capture.ts';
import { t } from '../i18n/i18n.ts';

export interface ClipResult {
  draftId: string;
  clipId: string;
  title: string;
  created: boolean;
}

/** The draft each tab last clipped into, for the toast's "Open draft" (lost with the worker, then guessed). */
export const lastDraftOfTab = new Map<number, string>();
const pageClipThrottle = createClipThrottle();

/** Stores a capture; the page's text is kept as evidence, but a failure there never loses the clip. */
export async function storeCapture(capture: PageCapture, target: 'new' | string): Promise<ClipResult> {
  const providers = (await cachedTaxonomy())?.providers ?? [];
  // The page's hash travels with the quote (reviewers see it); failing to compute it never loses the clip.
  const evidenceSha256 = capture.pageText ? await sha256Hex(capture.pageText).catch(() => undefined) : undefined;
  const { draft, clip } = await saveCapture(capture, target, { providers, evidenceSha256 });
  const url = quoteUrl(draft, clip);
  if (capture.pageText && url) await saveEvidence(clip.id, url, capture.pageText, { sha256: evidenceSha256 }).catch((error: unknown) => console.warn('evidence not kept', error));
  return { draftId: draft.id, clipId: clip.id, title: draft.title || t('untitled'), created: target === 'new' };
}

/** The draft the editor is collecting into, unless it was submitted: a submitted draft takes no more quotes. */
async function currentDraft() {
  const id = await loadActiveDraftId();
  const draft = id === undefined ? undefined : await readDraft(db(), id);
  return draft && draft.submission === undefined ? draft : undefined;
}

/**
 * `target` omitted: the draft the editor is collecting into, or a new one. `menuSelection`: the text the
 * browser saw selected when the context menu was clicked; a page that swaps the selection at that moment
 * gets nothing stored.
 */
export async function clipFromTab(tabId: number, target?: 'new' | string, frameId?: number, menuSelection?: string): Promise<Reply<ClipResult>> {
  let outcome;
  let realUrl: string | undefined;
  try {
    outcome = await captureTab(tabId, frameId);
    realUrl = frameId ? undefined : await tabUrl(tabId);
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
  if (menuSelection && !matchesMenuSelection(outcome.quote, menuSelection)) {
    const message = t('clip_selection_swapped');
    await Promise.all([toastInTab(tabId, message, 'error', frameId), flashBadge('!', message)]);
    return { ok: false, error: message };
  }
  const capture = trustedCapture(outcome, realUrl ?? outcome.metadata.originalUrl);
  const result = await storeCapture(capture, target ?? (await currentDraft())?.id ?? 'new');
  lastDraftOfTab.set(tabId, result.draftId);
  await Promise.all([
    toastInTab(tabId, t(result.created ? 'toast_new_draft' : 'toast_quote_added'), 'ok', frameId, true),
    flashBadge('+1', t('clip_badge_clipped', result.title)),
    paintTab(tabId, pageUrlsFor(capture.metadata.originalUrl, capture.metadata.url), frameId).catch(() => []),
  ]);
  void sayIfKnown(tabId, capture.metadata.url, frameId);
  return { ok: true, value: result };
}

/** After the clip's own toast: when the archive already holds the page, a second toast says so. */
async function sayIfKnown(tabId: number, url: string, frameId?: number): Promise<void> {
  const matches = await checkKnownSource(url).catch(() => undefined);
  if (matches && matches.length > 0) await toastInTab(tabId, t('re_toast_archive_knows'), 'ok', frameId, true);
}

/** The tab's address as the browser reports it (known once the editor's gesture granted access). */
async function tabUrl(tabId: number): Promise<string | undefined> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  return url && isHttpUrl(url) ? url : undefined;
}

export type PageClipResult = { created: boolean } | { needsConfirmation: true };

/**
 * A clip a page's content script asks for (the in-page button). The page may be hostile: it clips only
 * itself, at most a few times a minute, into a new draft or the editor's current unsubmitted one, and
 * into a draft quoting another site only after the editor confirmed.
 */
export async function clipForPage(capture: PageCapture, target: PageClipTarget, confirmed: boolean, sender: Runtime.MessageSender): Promise<Reply<PageClipResult>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !sender.url || !isHttpUrl(sender.url) || !isHttpUrl(capture.metadata.originalUrl) || new URL(capture.metadata.originalUrl).origin !== new URL(sender.url).origin) {
    return { ok: false, error: t('clip_page_only_itself') };
  }
  const trusted = trustedCapture(capture, sender.url);
  const draft = target === 'current' ? await currentDraft() : undefined;
  const otherSite = draft !== undefined && draft.sources.length > 0 && !draft.sources.some((source) => isSameSite(source.url, trusted.metadata.originalUrl));
  if (otherSite && !confirmed) return { ok: true, value: { needsConfirmation: true } };
  const verdict = pageClipThrottle(tabId);
  if (!verdict.ok) return { ok: false, error: t('clip_throttled', String(verdict.retryInSeconds)) };
  const result = await storeCapture(trusted, draft?.id ?? 'new');
  lastDraftOfTab.set(tabId, result.draftId);
  // The page's own toast comes first (the content script draws it on this reply); the archive's answer after.
  setTimeout(() => void sayIfKnown(tabId, trusted.metadata.url, sender.frameId), 0);
  return { ok: true, value: { created: result.created } };
}
