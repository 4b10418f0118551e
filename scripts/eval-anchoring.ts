/**
 * `npm run eval:anchoring -- --page FILE.html --annotations FILE.json`
 * Re-anchors W3C Web Annotations on a page and prints, per annotation, one JSON line
 * {"id","start","end","text","method"} (offsets into document.body.textContent; nulls for an orphan),
 * then `anchored: n/N` and, last, the median milliseconds per annotation.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Window } from 'happy-dom';
import type { TextPositionSelector, TextQuoteSelector } from '../src/core/draft.ts';
import { anchorSelectors, indexText, type AnchorSelectors } from '../src/capture/anchoring/index.ts';

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

/** Parsed in a window's own document, where happy-dom's Range works; page scripts are never run. */
function loadBody(html: string): HTMLElement {
  const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  const document = window.document as unknown as Document;
  const parsed = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  document.documentElement.replaceChildren(
    ...Array.from(parsed.documentElement.childNodes, (node: Node) => document.importNode(node, true)),
  );
  return document.body;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { page: { type: 'string' }, annotations: { type: 'string' } } });
  if (!values.page || !values.annotations) throw new InputError('usage: eval-anchoring --page FILE.html --annotations FILE.json');
  const [html, json] = await Promise.all([readInput(values.page, 'page'), readInput(values.annotations, 'annotations')]);
  const annotations = parseAnnotationList(json, values.annotations).map((item, i) => {
    const annotation = (item ?? {}) as Record<string, unknown>;
    const id = typeof annotation.id === 'string' ? annotation.id : `#${i}`;
    return { id, selectors: toSelectors(annotation, id) };
  });
  if (annotations.length === 0) throw new InputError(`${values.annotations} holds no annotations`);

  const body = loadBody(html);
  const index = indexText(body);
  const timings: number[] = [];
  let anchored = 0;
  for (const { id, selectors } of annotations) {
    const began = performance.now();
    const anchor = anchorSelectors(body, selectors, index);
    timings.push(performance.now() - began);
    if (anchor) anchored++;
    const text = anchor ? anchor.range.toString() : null;
    console.log(JSON.stringify({ id, start: anchor?.start ?? null, end: anchor?.end ?? null, text, method: anchor?.method ?? null }));
  }
  console.log(`anchored: ${anchored}/${annotations.length}`);
  console.log(`median_ms: ${median(timings).toFixed(3)}`);
}

main().catch((error: unknown) => {
  const message = error instanceof InputError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`eval-anchoring: ${message.split('\n')[0]}`);
  process.exitCode = 1;
});
