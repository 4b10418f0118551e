/**
 * The sync engine on the device side, in headless Chromium with the built extension, against the real
 * archive (PGlite on disk). The product's code runs in a page of the extension (bench/sync-client-page.ts,
 * bundled into the build) on the extension's own IndexedDB, and the extension's worker drains the queue:
 * - `sync.edit_local.p95_ms`: one editor save of a long text (the draft and its sync op in one
 *   transaction), beside a bare Dexie put of the row that save stored (same page, same run);
 * - `sync.queue_1000.drain_ms`: a device back from a week offline with 1,000 queued edits asks its worker
 *   to sync, until the queue is empty and the pull done, beside bare fetch POSTs of the same 1,000 ops
 *   from the same page (same batches, a client id of their own, same run).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { startArchiveServer } from '../server/index.ts';
import type { SyncOpInput } from '../src/core/sync/ops.ts';
import { launchWithExtension, newProfileDir } from '../test/e2e/support/browser.ts';
import { buildExtensionInto } from '../test/e2e/support/build.ts';
import { ROOT } from '../test/e2e/support/paths.ts';
import { compared, percentile, round, type Figures } from './types.ts';

const EDITS = 300;
const QUEUED = 1_000;
const DIST = path.join(ROOT, '.tmp/bench-sync-dist');
const PAGE = 'bench-sync.html';

interface BenchSync {
  editTimes(edits: number): Promise<{ synced: number[]; bare: number[] }>;
  queueEdits(total: number): Promise<SyncOpInput[]>;
  barePushMs(archiveUrl: string, token: string, ops: SyncOpInput[]): Promise<number>;
  drainMs(archiveUrl: string, token: string): Promise<number>;
}
declare const benchSync: BenchSync;

/** The extension as the end-to-end tests build it, plus one page that loads the in-page bench. */
async function buildWithBenchPage(): Promise<void> {
  await buildExtensionInto(DIST, '<all_urls>');
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: path.join(DIST, 'bench-sync'), emptyOutDir: true, target: 'es2022', lib: { entry: path.join(ROOT, 'bench/sync-client-page.ts'), formats: ['es'], fileName: 'page' } },
  });
  await writeFile(path.join(DIST, PAGE), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sync bench</title><script type="module" src="bench-sync/page.js"></script></head><body></body></html>');
}

export async function run(): Promise<Figures> {
  await buildWithBenchPage();
  const root = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  const server = await startArchiveServer({ port: 0, dataDir: path.join(root, 'db'), logLevel: 'silent' });
  const browser = await launchWithExtension(newProfileDir(), DIST);
  try {
    const { token } = await server.createUser({ name: 'Bench', role: 'editor' });
    const page: Page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${PAGE}`);
    await page.waitForFunction(() => 'benchSync' in globalThis);

    const edits = await page.evaluate((count) => benchSync.editTimes(count), EDITS);
    const [synced, bare] = [edits.synced.slice(20), edits.bare.slice(20)];
    const ops = await page.evaluate((total) => benchSync.queueEdits(total), QUEUED);
    const bareMs = await page.evaluate(({ url, key, queued }) => benchSync.barePushMs(url, key, queued), { url: server.url, key: token, queued: ops });
    const drainMs = await page.evaluate(({ url, key }) => benchSync.drainMs(url, key), { url: server.url, key: token });
    return {
      'sync.edit_local.p95_ms': compared(round(percentile(synced, 0.95)), 'ms', { value: round(percentile(bare, 0.95)), what: 'a bare Dexie put of the row each save stored (Chromium, same page)' }, 'value ≤ 10 ms'),
      'sync.queue_1000.drain_ms': compared(round(drainMs, 0), 'ms', { value: round(bareMs, 0), what: `bare fetch POSTs of the same ${ops.length} ops, batches of 200 (Chromium, same page)` }, 'value ≤ 30,000 ms'),
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}
