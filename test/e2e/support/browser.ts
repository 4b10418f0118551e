/** Launches Debian's Chromium with the built extension, as DEVELOPERS.md's recipe says. */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChromium } from '../../../scripts/chromium-path.mjs';
import { E2E_DIST } from './paths.ts';
import { readObjectStore } from './read-store.ts';
import type { Clip, Draft } from '../../../src/core/draft.ts';
import { quoteUrl } from '../../../src/core/quote-url.ts';

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

export function newProfileDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'clipper-profile-'));
}

export async function launchWithExtension(profileDir = newProfileDir(), dist = E2E_DIST): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH.');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = await extensionWorker(context);
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profileDir, close: () => context.close() };
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** Kills the extension's service worker, as Chrome does when it idles or crashes. */
export async function stopServiceWorkers(context: BrowserContext, anyPage: Page): Promise<void> {
  const cdp = await context.newCDPSession(anyPage);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

export function extensionUrl(browser: ExtensionBrowser, pathName: string): string {
  return `chrome-extension://${browser.extensionId}/${pathName.replace(/^\//, '')}`;
}

/** Selects the whole text of the first element matching `selector`, as an editor would with the mouse. */
export async function selectText(page: Page, selector: string, fromChar = 0, toChar?: number): Promise<string> {
  return page.evaluate(
    ({ selector, fromChar, toChar }) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`No element ${selector}`);
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const texts: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
      const total = texts.reduce((sum, text) => sum + text.data.length, 0);
      const end = toChar ?? total;
      const locate = (offset: number): [Text, number] => {
        let rest = offset;
        for (const text of texts) {
          if (rest <= text.data.length) return [text, rest];
          rest -= text.data.length;
        }
        const last = texts[texts.length - 1]!;
        return [last, last.data.length];
      };
      const range = document.createRange();
      range.setStart(...locate(fromChar));
      range.setEnd(...locate(end));
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return selection.toString();
    },
    { selector, fromChar, toChar },
  );
}

/** Fires the real context-menu handler; a headless browser shows no native menu. */
export async function clickClipMenu(browser: ExtensionBrowser, pageUrl: string): Promise<void> {
  await browser.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (!tab) throw new Error(`No tab at ${url}`);
    (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
      { menuItemId: 'clip-selection', editable: false, pageUrl: url, frameId: 0, selectionText: '' },
      tab,
    );
  }, pageUrl);
}

export async function tabIdOf(browser: ExtensionBrowser, pageUrl: string): Promise<number> {
  return browser.worker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) throw new Error(`No tab at ${url}`);
    return tab.id;
  }, pageUrl);
}

export async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(extensionUrl(browser, `popup/index.html?tabId=${tabId}`));
  return popup;
}

/** Reads a whole object store of the extension's IndexedDB, inside the worker. */
export async function readStore<T>(browser: ExtensionBrowser, storeName: 'drafts' | 'outbox' | 'deadLetters'): Promise<T[]> {
  return browser.worker.evaluate(readObjectStore<T>, storeName);
}

export const readStoredDrafts = (browser: ExtensionBrowser) => readStore<Draft>(browser, 'drafts');
/** Every stored quote, from inside the drafts that hold them. */
export const readStoredClips = async (browser: ExtensionBrowser): Promise<Clip[]> => (await readStoredDrafts(browser)).flatMap((draft) => draft.clips);
/** The stored quotes taken on the page at `url`: those whose source has that URL. */
export const readStoredClipsOn = async (browser: ExtensionBrowser, url: string): Promise<Clip[]> =>
  (await readStoredDrafts(browser)).flatMap((draft) => draft.clips.filter((clip) => quoteUrl(draft, clip) === url));

/** The text of every range the extension painted with the CSS Custom Highlight API. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const highlight = CSS.highlights.get('incident-clipper');
    return highlight ? [...highlight].map((range) => range.toString()) : [];
  });
}
