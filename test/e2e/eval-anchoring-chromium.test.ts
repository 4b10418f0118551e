/**
 * `npm run eval:anchoring` with its default parser: the anchoring code bundled into headless Chromium,
 * run on the page as the browser parses it (whitespace-only text nodes kept, as on a live page).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const fixtures = path.resolve('test/fixtures/anchoring');
const annotations = path.join(fixtures, 'article.annotations.json');

function runEval(...args: string[]): Promise<{ status: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/eval-anchoring.ts', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, lines: stdout.trim().split('\n'), stderr: stderr.trim() });
    });
  });
}

const byId = (lines: string[]) =>
  new Map(lines.slice(0, -2).map((line) => JSON.parse(line) as { id: string; text: string | null; method: string | null }).map((line) => [line.id.replace(/^.*:/, ''), line]));

describe('eval:anchoring in Chromium (the default)', () => {
  it('re-anchors on the edited page, orphaning only the deleted quote', async () => {
    const { status, lines, stderr } = await runEval('--page', path.join(fixtures, 'article-edited.html'), '--annotations', annotations);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const results = byId(lines);
    expect(results.get('deleted')?.method).toBeNull();
    expect(results.get('words-removed')).toMatchObject({ method: 'fuzzy', text: 'Feature pipelines are tested against records with known missing values' });
    expect(lines.at(-2)).toBe('anchored: 7/8');
    expect(lines.at(-1)).toMatch(/^median_ms: \d+\.\d{3}$/);
  });

  it('anchors an edited quote in the visible text, not on its exact copy in a JSON script', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'eval-anchoring-'));
    const quote = 'the lender declined applicants who skipped an optional question at four times the usual rate';
    const page = (visible: string) =>
      `<!doctype html><body><article><h1>Audit</h1>\n<p>Last week ${visible}, an audit found.</p></article>\n` +
      `<script type="application/json">${JSON.stringify({ body: `Last week ${quote}, an audit found.` })}</script></body>`;
    const original = page(quote);
    // Offsets over body.textContent as Chromium parses the page: the script's text counts.
    const bodyText = original.replace(/<[^>]+>/g, '').replace('<!doctype html>', '');
    const start = bodyText.indexOf(quote);
    await writeFile(path.join(dir, 'page.html'), page(quote.replace('four times', 'nearly four times')));
    await writeFile(
      path.join(dir, 'annotations.json'),
      JSON.stringify([
        {
          id: 'q',
          target: {
            selector: [
              { type: 'TextQuoteSelector', exact: quote, prefix: bodyText.slice(start - 32, start), suffix: bodyText.slice(start + quote.length, start + quote.length + 32) },
              { type: 'TextPositionSelector', start, end: start + quote.length },
            ],
          },
        },
      ]),
    );
    const { status, lines } = await runEval('--page', path.join(dir, 'page.html'), '--annotations', path.join(dir, 'annotations.json'));
    expect(status).toBe(0);
    const edited = await readFile(path.join(dir, 'page.html'), 'utf8');
    const line = JSON.parse(lines[0]!) as { start: number; text: string; method: string };
    expect(line).toMatchObject({ method: 'fuzzy', text: quote.replace('four times', 'nearly four times') });
    // The match lies in the paragraph, before the script.
    expect(line.start).toBeLessThan(edited.replace(/<[^>]+>/g, '').replace('<!doctype html>', '').indexOf('{"body"'));
  });
});
