/** Size of what every page pays for: the content scripts, minified and gzip-compressed. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildContentScripts } from '../scripts/build-content-scripts.ts';
import type { Figures } from './types.ts';

export async function run(): Promise<Figures> {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'clipper-content-'));
  await buildContentScripts(outDir);
  const gzipBytes = (file: string) => gzipSync(readFileSync(path.join(outDir, file)), { level: 9 }).length;
  const onDemand = gzipBytes('capture.js');
  const everyPage = gzipBytes('every-page.js');
  return {
    // The larger of the two: the opt-in script that runs on every page.
    'content_script.gzip_bytes': { value: Math.max(onDemand, everyPage), unit: 'bytes' },
    'content_script.capture.gzip_bytes': { value: onDemand, unit: 'bytes' },
    'content_script.every_page.gzip_bytes': { value: everyPage, unit: 'bytes' },
  };
}
