/**
 * `npm run eval:anchoring -- --page FILE.html --annotations FILE.json [--parser chromium|happy-dom]`
 * Re-anchors W3C Web Annotations on a page and prints, per annotation, one JSON line
 * {"id","start","end","text","method"} (offsets into document.body.textContent; nulls for an orphan),
 * then `anchored: n/N` and, last, the median milliseconds per annotation.
 *
 * By default the page is parsed and anchored in headless Chromium, the browser the extension ships for
 * (happy-dom drops whitespace-only text nodes, so its offsets and results are not the browser's);
 * `--parser happy-dom` runs the same code in Node.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type { TextPositionSelector, TextQuoteSelector } from '../src/core/draft.ts';
import type { AnchorSelectors } from '../src/capture/anchoring/index.ts';
import { anchorAll, type AnchoringRun } from './eval-anchoring-page.ts';

interface W3cSelector {
  type?: unknown;
  [key: string]: unknown;
}

class InputError extends Error {}

async function readInput(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseAnnotationList(json: string, file: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new InputError(`${file} must hold an array of annotations or an object with "items"`);
  return items;
}

function selectorList(annotation: Record<string, unknown>): W3cSelector[] {
  const targets = Array.isArray(annotation.target) ? annotation.target : [annotation.target];
  const target = targets.find((candidate) => (candidate as { selector?: unknown } | null)?.selector) as
    | { selector: unknown }
    | undefined;
  if (!target) return [];
  return (Array.isArray(target.selector) ? target.selector : [target.selector]) as W3cSelector[];
}

function toSelectors(annotation: Record<string, unknown>, label: string): AnchorSelectors {
  const selectors = selectorList(annotation);
  const quote = selectors.find((selector) => selector?.type === 'TextQuoteSelector');
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') {
    throw new InputError(`annotation ${label} has no TextQuoteSelector with an "exact" quote`);
  }
  const position = selectors.find((selector) => selector?.type === 'TextPositionSelector');
  const hasPosition = position && Number.isInteger(position.start) && Number.isInteger(position.end);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: typeof quote.prefix === 'string' ? quote.prefix : '',
      suffix: typeof quote.suffix === 'string' ? quote.suffix : '',
    } satisfies TextQuoteSelector,
    ...(hasPosition && {
      position: { type: 'TextPositionSelector', start: position.start, end: position.end } as TextPositionSelector,
    }),
  };
}

type Annotation = { id: string; selectors: AnchorSelectors };

/** Parsed in a happy-dom window's own document, where its Range works; page scripts are never run. */
async function anchorInHappyDom(html: string, annotations: Annotation[]): Promise<AnchoringRun> {
  const { Window } = await import('happy-dom');
  const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const document = window.document as unknown as Document;
  const parsed = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  document.documentElement.replaceChildren(
    ...Array.from(parsed.documentElement.childNodes, (node: Node) => document.importNode(node, true)),
  );
  return anchorAll(document.body, annotations);
}

const PAGE_MODULE = fileURLToPath(new URL('./eval-anchoring-page.ts', import.meta.url));

async function anchorInChromium(html: string, annotations: Annotation[]): Promise<AnchoringRun> {
  const { bundleForBrowser, openEvalPage } = await import('./eval-chromium.ts');
  const { page, close } = await openEvalPage(await bundleForBrowser(PAGE_MODULE, '__evalAnchoring'));
  try {
    return await page.evaluate(
      ([pageHtml, list]) =>
        (window as unknown as { __evalAnchoring: { anchorHtml: typeof import('./eval-anchoring-page.ts').anchorHtml } }).__evalAnchoring.anchorHtml(
          pageHtml,
          list,
        ),
      [html, annotations] as const,
    );
  } finally {
    await close();
  }
}

const PARSERS = { chromium: anchorInChromium, 'happy-dom': anchorInHappyDom };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { page: { type: 'string' }, annotations: { type: 'string' }, parser: { type: 'string', default: 'chromium' } },
  });
  if (!values.page || !values.annotations) {
    throw new InputError('usage: eval-anchoring --page FILE.html --annotations FILE.json [--parser chromium|happy-dom]');
  }
  const parser = values.parser;
  if (parser !== 'chromium' && parser !== 'happy-dom') throw new InputError(`--parser must be chromium or happy-dom, not ${parser}`);
  const [html, json] = await Promise.all([readInput(values.page, 'page'), readInput(values.annotations, 'annotations')]);
  const annotations = parseAnnotationList(json, values.annotations).map((item, i): Annotation => {
    const annotation = (item ?? {}) as Record<string, unknown>;
    const id = typeof annotation.id === 'string' ? annotation.id : `#${i}`;
    return { id, selectors: toSelectors(annotation, id) };
  });
  if (annotations.length === 0) throw new InputError(`${values.annotations} holds no annotations`);

  const { lines, timings } = await PARSERS[parser](html, annotations);
  for (const line of lines) console.log(JSON.stringify(line));
  const anchored = lines.filter((line) => line.start !== null).length;
  console.log(`anchored: ${anchored}/${annotations.length}`);
  console.log(`median_ms: ${median(timings).toFixed(3)}`);
}

main().catch((error: unknown) => {
  const message = error instanceof InputError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`eval-anchoring: ${message.split('\n')[0]}`);
  process.exitCode = 1;
});
