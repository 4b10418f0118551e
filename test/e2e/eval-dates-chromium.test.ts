/**
 * `eval:dates --parser chromium` on a handful of pages: the extractor bundled for the browser, run in
 * headless Chromium on `DOMParser` documents, in batches, scored as the Node parsers are.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromiumExtractor, type ChromiumExtractor } from '../../scripts/eval-dates-chromium.ts';
import { scoreDates, type Label } from '../../scripts/eval-dates.ts';

const PAGES: Record<string, { html: string; label: Label }> = {
  'https://news.example/politics/vote': {
    label: { file: 'json-ld.html', date: '2024-03-05' },
    html: `<!doctype html><html lang="en"><head><title>Vote</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Vote","datePublished":"2024-03-05T09:00:00+01:00"}</script>
</head><body><article><h1>Vote</h1><p>Text.</p></article></body></html>`,
  },
  // React writes `dateTime` and `itemProp`; an HTML parser lower-cases attribute names, so `time[datetime]` matches.
  'https://app.example/story': {
    label: { file: 'react.html', date: '2023-11-08' },
    html: `<!doctype html><html lang="en"><head><title>Story</title></head><body><article><h1>Story</h1>
<time dateTime="2023-11-08T21:11:03-05:00" itemProp="datePublished">3h ago</time><p>Text.</p></article></body></html>`,
  },
  'https://blog.example/about': {
    label: { file: 'undated.html', date: '2022-01-07' },
    html: `<!doctype html><html><head><title>About</title></head><body><h1>About us</h1><p>No date here.</p></body></html>`,
  },
};

describe('eval:dates in Chromium', () => {
  let dir: string;
  let chromium: ChromiumExtractor;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'eval-dates-'));
    for (const { html, label } of Object.values(PAGES)) await writeFile(path.join(dir, label.file), html);
    chromium = await launchChromiumExtractor(2);
  });
  afterAll(async () => {
    await chromium?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('scores pages parsed and extracted in the browser, over several batches', async () => {
    const labels = Object.entries(PAGES).map(([url, { label }]): [string, Label] => [url, label]);
    const score = await scoreDates(labels, dir, chromium);
    expect(score).toMatchObject({ total: 3, truePositives: 2, falsePositives: 0, falseNegatives: 1 });
    expect(score.misses).toEqual([{ url: 'https://blog.example/about', file: 'undated.html', expected: '2022-01-07', got: null, provenance: null }]);
    expect(score.medianMs).toBeGreaterThan(0);
  });

  it('reads camel-cased React attributes, as the browser does', async () => {
    const [result] = await chromium.extract([{ url: 'https://app.example/story', html: PAGES['https://app.example/story']!.html }]);
    expect(result).toMatchObject({ publishedDate: '2023-11-08', provenance: 'itemprop:datePublished' });
  });
});
