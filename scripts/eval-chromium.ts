/**
 * Shared by the `--parser chromium` evaluations: a module bundled by vite into one classic script, and a
 * headless Chromium page that runs it on a made-up https origin answered by the test itself (this
 * machine is offline). The origin is secure and cross-origin isolated, so `performance.now()` is precise
 * to microseconds rather than coarsened to 0.1 ms. Nothing reaches the network.
 */
import { chromium, type Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import { findChromium } from './chromium-path.mjs';

const ORIGIN = 'https://eval.invalid/';

/** `entry` as one classic script defining `window[globalName]`, built in memory. */
export async function bundleForBrowser(entry: string, globalName: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      minify: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: () => 'bundle.js' },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output).find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`vite produced no bundle for ${entry}`);
  return chunk.code;
}

export interface EvalPage {
  page: Page;
  close(): Promise<void>;
}

/** One headless Chromium with one page that has run `script`. */
export async function openEvalPage(script: string): Promise<EvalPage> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH.');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.route('**/*', (route) =>
      route.request().url() === ORIGIN
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
            body: '<!doctype html><title>evaluation</title>',
          })
        : route.abort(),
    );
    const page = await context.newPage();
    await page.goto(ORIGIN);
    await page.addScriptTag({ content: script });
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
