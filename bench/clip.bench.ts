/**
 * Clip latency in a real Chromium with the built extension: select a passage on a served fixture page,
 * fire the real context-menu handler, and time, inside the service worker with performance.now(),
 * from the dispatch of `contextMenus.onClicked` to the moment the transaction that stores the new
 * draft and its clip has committed. That span covers injecting the capture script, reading the
 * selection and metadata (selectors, page text), parsing the page's answer with zod and the Dexie
 * transaction. The commit is seen through Dexie's own change broadcast (BroadcastChannel
 * 'x-storagemutated-1', posted after commit) and confirmed by counting the quotes stored in IndexedDB;
 * a 5 ms IndexedDB poll backs that up. Not included: the browser drawing its menu, the evidence
 * row (gzip of the page text, written after the draft), the toast and the highlight painting.
 */
import path from 'node:path';
import { build } from 'vite';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, newProfileDir, selectText } from '../test/e2e/support/browser.ts';
import { startFixtureServer } from '../test/e2e/support/fixture-server.ts';
import { ROOT } from '../test/e2e/support/paths.ts';
import { compared, median, percentile, round, type Figures } from './types.ts';

const CLIPS = 50;
const WARM_UP = 3;
const BENCH_DIST = path.join(ROOT, '.tmp/bench-dist');
const PASSAGES = ['#lede', '#ruling', '#response', '#context'];

/** The same build as the end-to-end tests' global setup, in its own directory. */
async function buildExtension(): Promise<void> {
  const saved = { out: process.env.CLIPPER_OUT_DIR, hosts: process.env.CLIPPER_HOSTS };
  process.env.CLIPPER_OUT_DIR = BENCH_DIST;
  process.env.CLIPPER_HOSTS = '<all_urls>';
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  } finally {
    for (const [key, value] of [['CLIPPER_OUT_DIR', saved.out], ['CLIPPER_HOSTS', saved.hosts]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** One clip, timed inside the worker: dispatch → the new quote is committed. */
async function timeOneClip(worker: Worker, pageUrl: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('incident-clipper');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => resolve(open.result);
    });
    const countClips = () =>
      new Promise<number>((resolve, reject) => {
        // Quotes are stored inside their drafts.
        const request = database.transaction('drafts').objectStore('drafts').getAll();
        request.onsuccess = () => resolve((request.result as { clips: unknown[] }[]).reduce((sum, draft) => sum + draft.clips.length, 0));
        request.onerror = () => reject(request.error);
      });
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (!tab) throw new Error(`No tab at ${url}`);
    const before = await countClips();
    const channel = new BroadcastChannel('x-storagemutated-1');
    let poll: ReturnType<typeof setInterval> | undefined;
    try {
      const committedAt = new Promise<number>((resolve, reject) => {
        const check = (at: number) =>
          countClips().then((count) => {
            if (count > before) resolve(at);
          }, reject);
        channel.onmessage = () => void check(performance.now());
        poll = setInterval(() => void check(performance.now()), 5);
        setTimeout(() => reject(new Error('No clip was stored within 10 s.')), 10_000);
      });
      const began = performance.now();
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch(
        { menuItemId: 'clip-selection', editable: false, pageUrl: url, frameId: 0, selectionText: '' },
        tab,
      );
      return (await committedAt) - began;
    } finally {
      clearInterval(poll);
      channel.close();
      database.close();
    }
  }, pageUrl);
}

/**
 * Baseline, the same round trip without the product: inject a function that reads the selection into the
 * same tab, then put one draft-sized row into a bare IndexedDB store, timed in the worker.
 */
async function timeBareRoundTrip(worker: Worker, pageUrl: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const wait = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const opening = indexedDB.open('bench-bare-clip', 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('drafts', { keyPath: 'id' });
    const database = await wait(opening);
    const tab = (await chrome.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) throw new Error(`No tab at ${url}`);
    try {
      const began = performance.now();
      const [answer] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => ({ quote: getSelection()?.toString() ?? '', text: document.body.textContent ?? '' }) });
      const row = { id: crypto.randomUUID(), url, ...(answer?.result as object) };
      const transaction = database.transaction('drafts', 'readwrite');
      transaction.objectStore('drafts').put(row);
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      return performance.now() - began;
    } finally {
      database.close();
    }
  }, pageUrl);
}

/** The handler is finished once the page shows every clip of the page painted; the next clip starts after that. */
async function waitForPaint(page: Page, count: number): Promise<void> {
  await page.waitForFunction((expected) => (CSS.highlights.get('incident-clipper')?.size ?? 0) >= expected, count, { timeout: 10_000 });
}

export async function run(): Promise<Figures> {
  await buildExtension();
  const fixtures = await startFixtureServer();
  const { context, worker } = await launchWithExtension(newProfileDir(), BENCH_DIST);
  try {
    const page = await context.newPage();
    const pageUrl = fixtures.url('announcement.html');
    await page.goto(pageUrl);
    // tsx (esbuild keepNames) wraps named inner functions in __name(); functions sent to the browser need it too.
    const keepNames = 'globalThis.__name = (fn) => fn';
    await Promise.all([page.evaluate(keepNames), worker.evaluate(keepNames)]);
    const times: number[] = [];
    for (let index = 0; index < WARM_UP + CLIPS; index += 1) {
      await selectText(page, PASSAGES[index % PASSAGES.length]!);
      const ms = await timeOneClip(worker, pageUrl);
      await waitForPaint(page, index + 1);
      if (index >= WARM_UP) times.push(ms);
    }
    const bare: number[] = [];
    for (let index = 0; index < WARM_UP + CLIPS; index += 1) {
      await selectText(page, PASSAGES[index % PASSAGES.length]!);
      const ms = await timeBareRoundTrip(worker, pageUrl);
      if (index >= WARM_UP) bare.push(ms);
    }
    const what = 'inject a selection reader into the same tab + put one row into bare IndexedDB, in the worker';
    return {
      'clip.latency.median_ms': compared(round(median(times)), 'ms', { value: round(median(bare)), what }),
      'clip.latency.p90_ms': compared(round(percentile(times, 0.9)), 'ms', { value: round(percentile(bare, 0.9)), what }),
    };
  } finally {
    await context.close();
    await fixtures.close();
  }
}
