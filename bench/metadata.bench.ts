/**
 * `capture.metadata.median_ms`: extraction time per page over the htmldate dev pages (parsing excluded).
 * Baseline, same pages, same run: a bare pass that reads every <meta>, <time> and JSON-LD block's text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeHtml, parseDocument, readLabels } from '../scripts/eval-dates.ts';
import { extractMetadata } from '../src/capture/metadata/index.ts';
import { compared, median, percentile, round, type Figures } from './types.ts';

const DEV = process.env['HTMLDATE_DEV'] ?? '/work/shared/data/htmldate-dev';

export async function run(): Promise<Figures> {
  const times: number[] = [];
  const bare: number[] = [];
  for (const [url, label] of await readLabels(path.join(DEV, 'labels.json'))) {
    const doc = parseDocument(decodeHtml(await readFile(path.join(DEV, 'pages', label.file))));
    const start = performance.now();
    extractMetadata(doc, url);
    times.push(performance.now() - start);
    const bareStart = performance.now();
    for (const element of doc.querySelectorAll('meta, time, script[type="application/ld+json"]')) void (element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent);
    bare.push(performance.now() - bareStart);
  }
  const what = 'a bare read of every meta, time and JSON-LD element of the same pages';
  return {
    'capture.metadata.median_ms': compared(round(median(times), 3), 'ms', { value: round(median(bare), 3), what }),
    'capture.metadata.p95_ms': compared(round(percentile(times, 0.95), 3), 'ms', { value: round(percentile(bare, 0.95), 3), what }),
  };
}
