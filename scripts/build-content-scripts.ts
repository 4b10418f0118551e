/**
 * The content scripts are classic scripts (executeScript({files}) and registerContentScripts), so each is
 * built as one self-contained IIFE: nothing to load at run time, nothing web-accessible.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export const CONTENT_ENTRIES = {
  'capture.js': fileURLToPath(new URL('../src/content/capture.ts', import.meta.url)),
  'every-page.js': fileURLToPath(new URL('../src/content/every-page.ts', import.meta.url)),
};

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
