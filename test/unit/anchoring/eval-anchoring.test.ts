// @vitest-environment happy-dom
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const fixtures = path.resolve('test/fixtures/anchoring');
const annotations = path.join(fixtures, 'article.annotations.json');

// Each run starts Node with tsx, which takes seconds on a slow 2-core machine; the tests get a budget
// that holds there, and the bad-input cases run side by side.
const SPAWNING_TEST_TIMEOUT_MS = 90_000;

/** The Node parser; the default, Chromium, is run by test/e2e/eval-anchoring-chromium.test.ts. */
function runEval(...args: string[]): Promise<{ status: number | null; lines: string[]; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/eval-anchoring.ts', '--parser', 'happy-dom', ...args], { encoding: 'utf8' }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, lines: stdout.trim().split('\n'), stderr: stderr.trim() });
    });
  });
}

interface Line {
  id: string;
  start: number | null;
  end: number | null;
  text: string | null;
  method: string | null;
}

function results(lines: string[]): Map<string, Line> {
  const parsed = lines.slice(0, -2).map((line) => JSON.parse(line) as Line);
  return new Map(parsed.map((line) => [line.id.replace('urn:incident-clipper:test:', ''), line]));
}

function bodyText(file: string): string {
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html').body.textContent ?? '';
}

describe('eval-anchoring script', { timeout: SPAWNING_TEST_TIMEOUT_MS }, () => {
  it('anchors every annotation by position on the page it was made on', async () => {
    const { status, lines } = await runEval('--page', path.join(fixtures, 'article.html'), '--annotations', annotations);
    expect(status).toBe(0);
    const byId = results(lines);
    expect(byId.size).toBe(8);
    expect([...byId.values()].every((line) => line.method === 'position')).toBe(true);
    expect(lines.at(-2)).toBe('anchored: 8/8');
    expect(lines.at(-1)).toMatch(/^median_ms: \d+\.\d{3}$/);
  });

  it('re-anchors on the edited page, orphaning only the deleted quote', async () => {
    const page = path.join(fixtures, 'article-edited.html');
    const { status, lines } = await runEval('--page', page, '--annotations', annotations);
    expect(status).toBe(0);
    const byId = results(lines);
    const text = bodyText(page);
    for (const line of byId.values()) {
      if (line.start !== null) expect(text.slice(line.start, line.end!)).toBe(line.text);
    }
    expect(byId.get('deleted')).toMatchObject({ start: null, end: null, text: null, method: null });
    expect(byId.get('spans-strong')).toMatchObject({ method: 'quote', text: 'declined 4,312 applicants who met every published eligibility criterion' });
    expect(byId.get('moved-section')?.method).toBe('quote');
    expect(byId.get('reflowed')?.method).toBe('quote');
    expect(byId.get('reflowed')?.text?.replace(/\s+/g, ' ')).toBe('a feature pipeline change had silently converted missing employment-length values to zero');
    expect(byId.get('edited-inside')).toMatchObject({ method: 'fuzzy' });
    expect(byId.get('edited-inside')?.text?.replace(/\s+/g, ' ')).toBe('applicants who skipped an optional question were declined at nearly four times the usual rate');
    expect(byId.get('words-removed')).toMatchObject({ method: 'fuzzy', text: 'Feature pipelines are tested against records with known missing values' });
    // Three occurrences now; the annotation was on the one in the closing paragraph.
    const repeated = byId.get('repeated-second')!;
    expect(text.slice(0, repeated.start!).trimEnd().endsWith('We will update this page when')).toBe(true);
    expect(lines.at(-2)).toBe('anchored: 7/8');
  });

  it('accepts an object with "items", a single selector and an array of targets', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-anchoring-'));
    const file = path.join(dir, 'items.json');
    const quote = { type: 'TextQuoteSelector', exact: 'We are sorry.', prefix: '', suffix: '' };
    writeFileSync(file, JSON.stringify({ items: [{ id: 'a', target: [{ source: 'x' }, { selector: quote }] }] }));
    const { status, lines } = await runEval('--page', path.join(fixtures, 'article.html'), '--annotations', file);
    expect(status).toBe(0);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'a', text: 'We are sorry.', method: 'quote' });
  });

  it('fails with a one-line message on bad input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eval-anchoring-'));
    const invalid = path.join(dir, 'invalid.json');
    writeFileSync(invalid, '{ not json');
    const noSelectors = path.join(dir, 'no-selectors.json');
    writeFileSync(noSelectors, JSON.stringify([{ id: 'page-note', target: { source: 'https://example.com/' } }]));
    const page = path.join(fixtures, 'article.html');
    const cases: [string[], RegExp][] = [
      [['--page', path.join(dir, 'missing.html'), '--annotations', annotations], /cannot read page .*ENOENT/],
      [['--page', page, '--annotations', invalid], /not valid JSON/],
      [['--page', page, '--annotations', noSelectors], /page-note has no TextQuoteSelector/],
      [['--page', page], /usage/],
      [['--page', page, '--annotations', annotations, '--parser', 'jsdom'], /--parser must be chromium or happy-dom, not jsdom/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => runEval(...args)));
    for (const [index, [, message]] of cases.entries()) {
      const { status, stderr } = outcomes[index]!;
      expect(status).not.toBe(0);
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });
});
