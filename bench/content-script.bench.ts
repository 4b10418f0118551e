/** Size of what pages pay for: the content scripts, minified and gzip-compressed. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildContentScripts, contentScriptGzipBytes, EVERY_PAGE_BUDGET_GZIP_BYTES } from '../scripts/build-content-scripts.ts';
import type { Figures } from './types.ts';

export async function run(): Promise<Figures> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'clipper-content-'));
  await buildContentScripts(outDir);
  const sizes = contentScriptGzipBytes(outDir);
  return {
    // The budgeted one: the opt-in script that runs on every page (test/unit/content-script-size.test.ts holds it to the budget).
    'content_script.gzip_bytes': { value: sizes['every-page.js'], unit: 'bytes (every-page.js)', aim: `≤ ${EVERY_PAGE_BUDGET_GZIP_BYTES.toLocaleString('en-US')} B` },
    'content_script.capture.gzip_bytes': { value: sizes['capture.js'], unit: 'bytes (injected when someone clips)' },
    'content_script.every_page.gzip_bytes': { value: sizes['every-page.js'], unit: 'bytes' },
  };
}
