/**
 * The content scripts are classic scripts (executeScript({files}) and registerContentScripts), so each is
 * built as one self-contained IIFE: nothing to load at run time, nothing web-accessible.
 */
import { build } from 'vite';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const CONTENT_ENTRIES = {
  'capture.js': fileURLToPath(new URL('../src/content/capture.ts', import.meta.url)),
  'every-page.js': fileURLToPath(new URL('../src/content/every-page.ts', import.meta.url)),
};

/**
 * The every-page script runs in every tab of an editor who opted in: its gzip size must stay within this.
 * (capture.js, injected only when someone clips, carries the metadata and per-language date tables.)
 */
export const EVERY_PAGE_BUDGET_GZIP_BYTES = 15_000;

/** Each built content script's size, minified and gzip-compressed (level 9), in bytes. */
export function contentScriptGzipBytes(outDir: string): Record<keyof typeof CONTENT_ENTRIES, number> {
  const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length;
  return { 'capture.js': gzipBytes('capture.js'), 'every-page.js': gzipBytes('every-page.js') };
}

export async function buildContentScripts(outDir: string): Promise<void> {
  for (const [fileName, entry] of Object.entries(CONTENT_ENTRIES)) {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry, formats: ['iife'], name: 'incidentClipper', fileName: () => fileName },
        rolldownOptions: { checks: { bundlerTimings: false } },
      },
    });
  }
}
