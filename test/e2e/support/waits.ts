/**
 * Waits and small reads for the resilience tests: tabs the extension cannot see by URL, the toolbar
 * button's tooltip, the outbox, a woken service worker, and an archive that is down on a known port.
 */
import { mkdtempSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startArchiveServer } from '../../../server/index.ts';
import type { OutboxRow } from '../../../src/store/db.ts';
import { readStore, stopServiceWorkers, type ExtensionBrowser } from './browser.ts';

/** Polls `read` until `accept` holds, and returns the accepted value. */
export async function waitFor<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = 15_000, intervalMs = 100, what = 'condition' }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Opens `url` in a new tab from the worker and returns its tab id and page. Browser pages
 * (chrome://, about:, data:) are opened this way because their URL is hidden from the extension,
 * so `tabIdOf` cannot find them.
 */
export async function openTabFromWorker(browser: ExtensionBrowser, url: string): Promise<{ tabId: number; page: Page }> {
  const pageOpened = browser.context.waitForEvent('page');
  const tabId = await browser.worker.evaluate(async (target) => {
    const tab = await chrome.tabs.create({ url: target, active: true });
    if (tab.id === undefined) throw new Error(`No tab id for ${target}`);
    return tab.id;
  }, url);
  const page = await pageOpened;
  await waitFor(async () => page.url(), (current) => current === url || current === `${url}/`, { what: `the tab to show ${url}` });
  await page.waitForLoadState('domcontentloaded');
  return { tabId, page };
}

/** Fires the real context-menu handler for a tab known by id, as `clickClipMenu` does for one known by URL. */
export async function clickClipMenuInTab(browser: ExtensionBrowser, tabId: number): Promise<void> {
  await browser.worker.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
      { menuItemId: 'clip-selection', editable: false, pageUrl: tab.url ?? '', frameId: 0, selectionText: '' },
      tab,
    );
  }, tabId);
}

/** The toolbar button's tooltip, where the worker explains a failed clip. */
export async function actionTitle(browser: ExtensionBrowser): Promise<string> {
  return browser.worker.evaluate(() => chrome.action.getTitle({}));
}

/** Reads the pending submissions straight from the extension's IndexedDB, inside the worker. */
export const readOutbox = (browser: ExtensionBrowser) => readStore<OutboxRow>(browser, 'outbox');


/**
 * Kills the extension's service worker with `stopServiceWorkers` and waits until Chrome reports it stopped.
 * Returns the killed instance's time origin, for `wakeWorker`.
 */
export async function killWorker(browser: ExtensionBrowser, anyPage: Page): Promise<number> {
  const killedOrigin = await browser.worker.evaluate(() => performance.timeOrigin);
  const cdp = await browser.context.newCDPSession(anyPage);
  const prefix = `chrome-extension://${browser.extensionId}/`;
  let stopped = false;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    const ours = versions.filter((version) => version.scriptURL.startsWith(prefix));
    if (ours.length > 0) stopped = ours.every((version) => version.runningStatus === 'stopped');
  });
  await cdp.send('ServiceWorker.enable');
  await stopServiceWorkers(browser.context, anyPage);
  await waitFor(async () => stopped, (done) => done, { timeoutMs: 10_000, what: 'the service worker to stop' });
  await cdp.detach();
  return killedOrigin;
}

/**
 * Runs `wake` (e.g. opening the popup) and waits until a new worker instance runs. Playwright keeps the
 * same Worker handle across a restart, and evaluating in it waits for the worker to run again.
 */
export async function wakeWorker<T>(browser: ExtensionBrowser, killedOrigin: number, wake: () => Promise<T>): Promise<T> {
  const woke = await wake();
  const origin = await browser.worker.evaluate(() => performance.timeOrigin);
  if (origin === killedOrigin) throw new Error('The service worker was not restarted.');
  return woke;
}

export interface DownArchive {
  dataDir: string;
  port: number;
  url: string;
  /** An editor token that already exists in the archive's database. */
  token: string;
}

/**
 * An archive that is down: its database exists with an editor in it, but nothing listens on its port.
 * `startTestArchive(down.dataDir, down.port)` brings it up later with the same users.
 */
export async function downArchive(): Promise<DownArchive> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clipper-archive-'));
  const server = await startArchiveServer({ port: 0, dataDir, logLevel: 'silent' });
  const { token } = await server.createUser({ name: 'Olga Offline', role: 'editor' });
  await server.close();
  return { dataDir, port: server.port, url: server.url, token };
}

export interface SlowLink {
  url: string;
  close(): Promise<void>;
}

/**
 * A slow network in front of a real server: a TCP relay on 127.0.0.1 that holds every chunk the client
 * sends for `delayMs` before passing it on. The server itself is untouched.
 */
export async function slowLink(targetPort: number, delayMs: number): Promise<SlowLink> {
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    let queue = Promise.resolve();
    client.on('data', (chunk) => {
      queue = queue.then(() => new Promise<void>((resolve) => setTimeout(() => (upstream.write(chunk), resolve()), delayMs)));
    });
    upstream.pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
