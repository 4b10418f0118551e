/** Runs the on-demand capture script in a tab and turns browser refusals into sentences. */
import { browser } from '../extension-api.ts';
import { z } from 'zod';
import { CaptureOutcome } from '../core/capture.ts';
import { SourceMetadata } from '../core/draft.ts';
import type { ClipperPageApi } from '../content/page-api.ts';
import { AnchorReport } from '../core/capture.ts';
import type { ClipToPaint } from '../capture/restore.ts';
import { t } from '../i18n/i18n.ts';
import { ALL_URLS } from './every-page-mode.ts';

export const CAPTURE_SCRIPT = 'capture.js';

export class CaptureUnavailableError extends Error {}

/**
 * `accessGranted`: whether the extension could see the tab's address (the editor's gesture or the
 * every-page permission). Without it, Chrome's "Cannot access contents of the page" means no access
 * yet to what is most likely an ordinary web page, not a page no extension may read.
 */
export function explainInjectionError(error: unknown, accessGranted = true): string {
  const text = error instanceof Error ? error.message : String(error);
  if (!accessGranted && /Cannot access contents of the page/i.test(text)) return t('page_no_access');
  if (/cannot be scripted|chrome:\/\/|chrome-extension:\/\/|edge:\/\/|about:|extensions gallery|webstore|Cannot access contents of the page|pdf/i.test(text)) {
    return t('page_restricted');
  }
  if (/file:\/\//i.test(text) || /Cannot access contents of url "file/i.test(text)) {
    return t('page_local_file');
  }
  if (/No tab with id|Frame with ID/i.test(text)) return t('page_tab_gone');
  if (/Missing host permission|Cannot access contents of url/i.test(text)) {
    return t('page_no_access');
  }
  return t('page_unreadable_because', text);
}

async function accessGranted(tabId: number): Promise<boolean> {
  const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  return url !== undefined || (await browser.permissions.contains(ALL_URLS).catch(() => false));
}

/** Injects capture.js into the tab (or one frame of it); its API stays installed there. */
export async function ensureInjected(tabId: number, frameId?: number): Promise<void> {
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  try {
    await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
  } catch (error) {
    throw new CaptureUnavailableError(explainInjectionError(error, await accessGranted(tabId)));
  }
}

async function callInPage<T>(tabId: number, frameId: number | undefined, func: (...args: never[]) => T, args: unknown[] = []): Promise<unknown> {
  await ensureInjected(tabId, frameId);
  const target = frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] };
  try {
    const [first] = await browser.scripting.executeScript({ target, func: func as () => void, args });
    return first?.result;
  } catch (error) {
    throw new CaptureUnavailableError(explainInjectionError(error));
  }
}

/** The selection and metadata of a tab, parsed: whatever the page returns is untrusted. */
export async function captureTab(tabId: number, frameId?: number): Promise<CaptureOutcome> {
  const raw = await callInPage(tabId, frameId, () => (globalThis as { __incidentClipper?: ClipperPageApi }).__incidentClipper?.capture());
  const parsed = CaptureOutcome.safeParse(raw);
  if (!parsed.success) throw new CaptureUnavailableError(t('page_not_a_selection'));
  return parsed.data;
}

export const PageInspection = z.strictObject({ metadata: SourceMetadata, selectionLength: z.number().int().nonnegative() });
export type PageInspection = z.infer<typeof PageInspection>;

/** What the popup shows about the current page: its canonical URL and whether text is selected. */
export async function inspectTab(tabId: number): Promise<PageInspection> {
  const raw = await callInPage(tabId, undefined, () => (globalThis as { __incidentClipper?: ClipperPageApi }).__incidentClipper?.inspect());
  const parsed = PageInspection.safeParse(raw);
  if (!parsed.success) throw new CaptureUnavailableError(t('page_unreadable'));
  return parsed.data;
}

const AnchorReports = z.array(AnchorReport);

/** Paints the given clips in the tab and returns how each one anchored. */
export async function paintInTab(tabId: number, clips: ClipToPaint[], frameId?: number): Promise<AnchorReport[]> {
  const raw = await callInPage(
    tabId,
    frameId,
    (toPaint: ClipToPaint[]) => (globalThis as { __incidentClipper?: ClipperPageApi }).__incidentClipper?.paint(toPaint),
    [clips],
  );
  const parsed = AnchorReports.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** `offerOpen`: the toast offers "Open draft" (the draft this tab last clipped into). */
export async function toastInTab(tabId: number, message: string, tone: 'ok' | 'error', frameId?: number, offerOpen = false): Promise<void> {
  await callInPage(
    tabId,
    frameId,
    (text: string, kind: 'ok' | 'error', open: boolean) => (globalThis as { __incidentClipper?: ClipperPageApi }).__incidentClipper?.toast(text, kind, open),
    [message, tone, offerOpen],
  ).catch(() => undefined);
}
