/**
 * The on-demand capture script is injected with scripting.executeScript({files}), so it must be one
 * classic script: an IIFE with nothing to load and nothing web-accessible.
 */
import { build } from 'vite';
import { fileURLToPath } from 'node:url';

export const CAPTURE_ENTRY = fileURLToPath(new URL('../src/content/capture.ts', import.meta.url));

export async function buildCaptureScript(outDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: CAPTURE_ENTRY, formats: ['iife'], name: 'incidentClipperCapture', fileName: () => 'capture.js' },
    },
  });
}
