/** `capture.metadata.median_ms`: extraction time per page over the htmldate dev pages (parsing excluded). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeHtml, parseDocument, readLabels } from '../scripts/eval-dates.ts';
import { extractMetadata } from '../src/capture/metadata/index.ts';
import { median, round, type Figures } from './types.ts';

const DEV = process.env['HTMLDATE_DEV'] ?? '/work/shared/data/htmldate-dev';

export async function run(): Promise<Figures> {
  const times: number[] = [];
  for (const [url, label] of await readLabels(path.join(DEV, 'labels.json'))) {
    const doc = parseDocument(decodeHtml(await readFile(path.join(DEV, 'pages', label.file))));
    const start = performance.now();
    extractMetadata(doc, url);
    times.push(performance.now() - start);
  }
  return {
    'capture.metadata.median_ms': { value: round(median(times), 3), unit: 'ms' },
    'capture.metadata.p95_ms': { value: round([...times].sort((a, b) => a - b)[Math.floor(times.length * 0.95)] ?? 0, 3), unit: 'ms' },
  };
}
