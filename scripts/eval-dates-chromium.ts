/**
 * `eval:dates --parser chromium`: the extractor bundled for the browser and run in headless Chromium,
 * the browser the extension ships for, on documents parsed by `DOMParser` (no scripts run, nothing
 * loads). One browser for the whole run; pages go over in batches, and each extraction is timed
 * inside the page.
 */
import { fileURLToPath } from 'node:url';
import { bundleForBrowser, openEvalPage } from './eval-chromium.ts';
import type { BatchExtractor, Extracted } from './eval-dates.ts';

const ENTRY = fileURLToPath(new URL('../src/capture/metadata/index.ts', import.meta.url));
const GLOBAL = '__clipperMetadata';

/** Pages run through `extractMetadata` in the browser, as `scoreDates` does in Node: no options. */
const RUNNER = `window.__evalDates = function (pages) {
  var parser = new DOMParser();
  return pages.map(function (page) {
    var doc = parser.parseFromString(page.html, 'text/html');
    var start = performance.now();
    var meta = ${GLOBAL}.extractMetadata(doc, page.url);
    var ms = performance.now() - start;
    return { publishedDate: meta.publishedDate || null, provenance: meta.provenance.publishedDate || null, ms: ms };
  });
};`;

/** The extractor as one classic script defining `window.__clipperMetadata`, built in memory. */
const bundleExtractor = (): Promise<string> => bundleForBrowser(ENTRY, GLOBAL);

export interface ChromiumExtractor extends BatchExtractor {
  close(): Promise<void>;
}

export async function launchChromiumExtractor(batchSize = 20): Promise<ChromiumExtractor> {
  const { page, close } = await openEvalPage(`${await bundleExtractor()}\n${RUNNER}`);
  return {
    batchSize,
    extract: (pages) =>
      // A plain arrow: the runner was installed as a string, so no transpiler helper leaks into the page.
      page.evaluate((batch) => (window as unknown as { __evalDates(p: typeof batch): Extracted[] }).__evalDates(batch), pages),
    close,
  };
}
