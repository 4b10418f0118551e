// The every-page script is loaded into every tab of an editor who opted in: its size is a budget, checked
// on a fresh build of the content scripts (the same build `npm run build` makes).
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentScripts, contentScriptGzipBytes, EVERY_PAGE_BUDGET_GZIP_BYTES } from '../../../scripts/build-content-scripts.ts';

describe('content script size', () => {
  it('keeps every-page.js within its gzip budget, with the capture code left to capture.js', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'clipper-content-size-'));
    await buildContentScripts(outDir);
    const sizes = contentScriptGzipBytes(outDir);
    expect(sizes['every-page.js']).toBeLessThanOrEqual(EVERY_PAGE_BUDGET_GZIP_BYTES);
    // The capture code really is where the every-page script asks the worker to inject it from.
    expect(readFileSync(path.join(outDir, 'capture.js'), 'utf8')).toContain('__incidentClipper');
    expect(sizes['capture.js']).toBeGreaterThan(sizes['every-page.js']);
  }, 180_000);
});
