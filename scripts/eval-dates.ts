/**
 * `npm run eval:dates -- --labels FILE --pages DIR [--split odd|even] [--misses FILE] [--parser linkedom|happy-dom|chromium]`
 *
 * Scores the publication-date extractor against labels in htmldate's format,
 * `{url: {"file": name, "date": "YYYY-MM-DD"}}`; the key is passed as the page URL.
 *
 * Definitions, as in htmldate's tests/comparison.py (evaluate_result / calculate_scores):
 * - true positive (TP): a date was found and equals the label;
 * - false positive (FP): a date was found and differs from the label;
 * - false negative (FN): no date was found although the page has a label;
 * - true negative (TN): no date found and no label (htmldate counts these; these labels have none).
 * precision = TP / (TP + FP), recall = TP / (TP + FN), accuracy = (TP + TN) / (TP + TN + FP + FN),
 * which is TP / (TP + FP + FN) whenever every page is labelled.
 *
 * `--split odd|even` keeps the odd- or even-indexed labels (0-based, in file order) to show that
 * the rules generalise. Timing covers extraction only, not reading or parsing. The last line is
 * `accuracy: 0.xxx (n/N)`.
 *
 * `--parser chromium` runs the bundled extractor in headless Chromium (the browser the extension
 * ships for) on documents from `DOMParser`, timed inside the page; see eval-dates-chromium.ts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { extractMetadata } from '../src/capture/metadata/index.ts';

export interface Label {
  file: string;
  date: string | null;
}

export interface Miss {
  url: string;
  file: string;
  expected: string | null;
  got: string | null;
  provenance: string | null;
}

export interface DateScore {
  total: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  precision: number;
  recall: number;
  accuracy: number;
  medianMs: number;
  misses: Miss[];
}

export type Split = 'all' | 'odd' | 'even';

/** Bytes to text: BOM first, then a declared `<meta charset>`, then UTF-8, then Windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // Unknown label: fall through to UTF-8 detection.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function readLabels(file: string, split: Split = 'all'): Promise<[string, Label][]> {
  const labels = Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, Label>);
  return labels.filter((_, index) => split === 'all' || (index % 2 === 1) === (split === 'odd'));
}

/** What scoring needs from one extraction, and how long the extraction alone took. */
export interface Extracted {
  publishedDate: string | null;
  provenance: string | null;
  ms: number;
}

/**
 * Extracts from several pages per call, for parsers that live elsewhere (a browser): one round trip
 * per batch rather than per page. Results come back in the order of `pages`.
 */
export interface BatchExtractor {
  batchSize: number;
  extract(pages: { url: string; html: string }[]): Promise<Extracted[]>;
}

/** A Node-side parser, or a batch extractor that parses and extracts itself. */
export type Parser = ((html: string) => Document) | BatchExtractor;

function extractIn(parse: (html: string) => Document): BatchExtractor {
  return {
    batchSize: 1,
    extract: async (pages) =>
      pages.map(({ url, html }) => {
        const doc = parse(html);
        const start = performance.now();
        const meta = extractMetadata(doc, url);
        const ms = performance.now() - start;
        return { publishedDate: meta.publishedDate ?? null, provenance: meta.provenance['publishedDate'] ?? null, ms };
      }),
  };
}

export async function scoreDates(labels: [string, Label][], pagesDir: string, parser: Parser = parseDocument): Promise<DateScore> {
  const extractor = typeof parser === 'function' ? extractIn(parser) : parser;
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  let trueNegatives = 0;
  const times: number[] = [];
  const misses: Miss[] = [];
  for (let first = 0; first < labels.length; first += extractor.batchSize) {
    const batch = labels.slice(first, first + extractor.batchSize);
    const pages = await Promise.all(
      batch.map(async ([url, label]) => ({ url, html: decodeHtml(await readFile(path.join(pagesDir, label.file))) })),
    );
    const results = await extractor.extract(pages);
    batch.forEach(([url, label], index) => {
      const result = results[index];
      if (!result) throw new Error(`no result for ${url}`);
      times.push(result.ms);
      const got = result.publishedDate;
      const expected = label.date || null;
      if (got === null && expected === null) trueNegatives++;
      else if (got === null) falseNegatives++;
      else if (got === expected) truePositives++;
      else falsePositives++;
      if (got !== expected) misses.push({ url, file: label.file, expected, got, provenance: result.provenance });
    });
  }
  const total = labels.length;
  return {
    total,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives,
    precision: truePositives / (truePositives + falsePositives || 1),
    recall: truePositives / (truePositives + falseNegatives || 1),
    accuracy: (truePositives + trueNegatives) / (total || 1),
    medianMs: median(times),
    misses,
  };
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const labelsFile = option(args, 'labels');
  const pagesDir = option(args, 'pages');
  if (!labelsFile || !pagesDir) {
    console.error('usage: npm run eval:dates -- --labels FILE --pages DIR [--split odd|even] [--misses FILE] [--parser linkedom|happy-dom|chromium]');
    process.exitCode = 2;
    return;
  }
  const split = (option(args, 'split') ?? 'all') as Split;
  if (!['all', 'odd', 'even'].includes(split)) throw new Error(`--split must be odd or even, not ${split}`);
  const missesFile = option(args, 'misses') ?? '.tmp/date-misses.json';
  const parserName = option(args, 'parser') ?? 'linkedom';
  if (!['linkedom', 'happy-dom', 'chromium'].includes(parserName)) throw new Error(`--parser must be linkedom, happy-dom or chromium, not ${parserName}`);
  let parse: Parser = parseDocument;
  let close: (() => Promise<void>) | undefined;
  if (parserName === 'chromium') {
    const { launchChromiumExtractor } = await import('./eval-dates-chromium.ts');
    const chromium = await launchChromiumExtractor();
    parse = chromium;
    close = chromium.close;
  } else if (parserName === 'happy-dom') {
    const { Window } = await import('happy-dom');
    let previous: InstanceType<typeof Window> | undefined;
    parse = (html) => {
      // One window per page, closed when the next page is parsed, or memory runs out over 800 pages.
      void previous?.happyDOM.close();
      // A base URL so relative <link> addresses parse; the page loads nothing (this machine may be offline).
      const window = new Window({
        url: 'https://page.invalid/',
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
          fetch: { interceptor: { beforeAsyncRequest: async ({ window: page }) => new page.Response('', { status: 404 }) } },
        },
      });
      previous = window;
      const doc = new window.DOMParser().parseFromString(html, 'text/html');
      return doc as unknown as Document;
    };
  }
  let score: DateScore;
  try {
    score = await scoreDates(await readLabels(labelsFile, split), pagesDir, parse);
  } finally {
    await close?.();
  }
  await mkdir(path.dirname(missesFile), { recursive: true });
  await writeFile(missesFile, `${JSON.stringify(score.misses, null, 2)}\n`);
  const correct = score.truePositives + score.trueNegatives;
  console.log(`pages: ${score.total} (split: ${split})`);
  console.log(`TP ${score.truePositives}  FP ${score.falsePositives}  FN ${score.falseNegatives}  TN ${score.trueNegatives}`);
  console.log(`precision: ${score.precision.toFixed(3)}`);
  console.log(`recall: ${score.recall.toFixed(3)}`);
  console.log(`median ms/page (extraction only): ${score.medianMs.toFixed(3)}`);
  console.log(`misses written to ${missesFile}`);
  console.log(`accuracy: ${score.accuracy.toFixed(3)} (${correct}/${score.total})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
