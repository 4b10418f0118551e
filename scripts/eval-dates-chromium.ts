/**
 * `eval:dates --parser chromium`: the extractor bundled for the browser and run in headless Chromium,
 * the browser the extension ships for, on documents parsed by `DOMParser` (no scripts run, nothing
 * loads). One browser for the whole run; pages go over in batches, and each extraction is timed
 * inside the page.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { findChromium } from './chromium-path.mjs';
import type { BatchExtractor, Extracted } from './eval-dates.ts';

const ENTRY = fileURLToPath(new URL('../src/capture/metadata/index.ts', import.meta.url));
const GLOBAL = '__clipperMetadata';
/**
 * A made-up https origin served by the test itself (this machine is offline): secure and cross-origin
 * isolated, so `performance.now()` is precise to microseconds rather than coarsened to 0.1 ms.
 */
const ORIGIN = 'https://eval-dates.invalid/';

/** Pages run through `extractMetadata` in the browser, as `scoreDates` does in Node: no options. */
const RUNNER = `window.__evalDates = function (pages) {
  var parser = new DOMParser();
  return pages.map(function (page) {
    var doc = parser.parseFromString(page.html, 'text/html');
    var start = performance.now();
    var meta = ${GLOBAL}.extractMetadata(doc, page.url);
    var ms = performance.now() - start;
    return { publishedDate: meta.publishedDate || null, provenance: meta.provenance.publishedDate || null, ms: ms };
  });
};`;

/** The extractor as one classic script defining `window.__clipperMetadata`, built in memory. */
export async function bundleExtractor(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: GLOBAL, fileName: () => 'metadata.js' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('vite produced no bundle for the extractor');
  return chunk.code;
}

export interface ChromiumExtractor extends BatchExtractor {
  close(): Promise<void>;
}

async function openPage(browser: Browser, bundle: string): Promise<Page> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  // Nothing reaches the network: the one page is answered here, anything else is refused.
  await context.route('**/*', (route) =>
    route.request().url() === ORIGIN
      ? route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
          body: '<!doctype html><title>eval:dates</title>',
        })
      : route.abort(),
  );
  const page = await context.newPage();
  await page.goto(ORIGIN);
  await page.addScriptTag({ content: `${bundle}\n${RUNNER}` });
  return page;
}

export async function launchChromiumExtractor(batchSize = 20): Promise<ChromiumExtractor> {
  const bundle = await bundleExtractor();
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH.');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await openPage(browser, bundle);
    return {
      batchSize,
      extract: (pages) =>
        // A plain arrow: the runner was installed as a string, so no transpiler helper leaks into the page.
        page.evaluate((batch) => (window as unknown as { __evalDates(p: typeof batch): Extracted[] }).__evalDates(batch), pages),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
