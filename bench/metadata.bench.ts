/**
 * `capture.metadata.median_ms`: extraction time per page over the htmldate dev pages (parsing excluded).
 * `capture.metadata.page_5mb_ms`: the same on a 5 MB page of date-like noise (a hostile page).
 * Baseline, same pages, same run: a bare pass that reads every <meta>, <time> and JSON-LD block's text; for the
 * 5 MB page, one read of its whole text.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeHtml, parseDocument, readLabels } from '../scripts/eval-dates.ts';
import { extractMetadata } from '../src/capture/metadata/index.ts';
import { compared, median, percentile, round, timed, type Figures } from './types.ts';

const DEV = process.env['HTMLDATE_DEV'] ?? '/work/shared/data/htmldate-dev';

type Doc = ReturnType<typeof parseDocument>;

const bareRead = (doc: Doc) => () => {
  for (const element of doc.querySelectorAll('meta, time, script[type="application/ld+json"]')) void (element.getAttribute('content') ?? element.getAttribute('datetime') ?? element.textContent);
};

function hostilePage(): Doc {
  const filler = '<div class="meta-date">Lorem ipsum 12 dolor 2024 sit amet, 99/99/9999 March 2024</div>'.repeat(60_000);
  return parseDocument(`<html><head><title>Big</title></head><body>${filler}<p>Posted March 3, 2024</p></body></html>`);
}

export async function run(): Promise<Figures> {
  const times: number[] = [];
  const bare: number[] = [];
  for (const [url, label] of await readLabels(path.join(DEV, 'labels.json'))) {
    const doc = parseDocument(decodeHtml(await readFile(path.join(DEV, 'pages', label.file))));
    times.push(timed(() => extractMetadata(doc, url)));
    bare.push(timed(bareRead(doc)));
  }
  const big = hostilePage();
  const bigTimes = [1, 2, 3].map(() => timed(() => extractMetadata(big, 'https://example.com/big')));
  const bigBare = [1, 2, 3].map(() => timed(() => big.body.textContent));
  const what = 'a bare read of every meta, time and JSON-LD element of the same pages';
  return {
    'capture.metadata.median_ms': compared(round(median(times), 3), 'ms', { value: round(median(bare), 3), what }),
    'capture.metadata.p95_ms': compared(round(percentile(times, 0.95), 3), 'ms', { value: round(percentile(bare, 0.95), 3), what }),
    'capture.metadata.page_5mb_ms': compared(round(median(bigTimes), 1), 'ms (median of 3)', { value: round(median(bigBare), 1), what: "one bare read of the same page's whole text (body.textContent)" }),
  };
}
