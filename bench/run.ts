/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line),
 * prints one table (figure, value, its same-run baseline, their ratio, the aim) and writes bench/results.json
 * as `{name: {value, unit, baseline?: {value, what}, ratio?, aim?}}`.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BenchModule, Figures } from './types.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);

const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((want) => name.includes(want)))
  .sort();

const resultsFile = path.join(benchDir, 'results.json');
// A partial run (`npm run bench -- clip`) updates its own figures and keeps the others.
const results: Figures = only.length > 0 ? await readFile(resultsFile, 'utf8').then((text) => JSON.parse(text) as Figures, () => ({})) : {};
const fresh = new Set<string>();
const failures: string[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}…\n`);
  try {
    // The path comes from this folder's own listing, not from input.
    // eslint-disable-next-line no-unsanitized/method
    const mod = (await import(pathToFileURL(path.join(benchDir, file)).href)) as BenchModule;
    const figures = await mod.run();
    Object.assign(results, figures);
    for (const name of Object.keys(figures)) fresh.add(name);
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

const rows = Object.entries(results).filter(([name]) => fresh.has(name));
const width = Math.max(10, ...rows.map(([name]) => name.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  ${'baseline'.padStart(10)}  ${'ratio'.padStart(7)}  aim       unit; baseline`);
for (const [name, { value, unit, baseline, ratio, aim }] of rows) {
  const cells = [String(value).padStart(10), String(baseline?.value ?? '').padStart(10), (ratio === undefined ? '' : `${ratio}×`).padStart(7), (aim ?? '').padEnd(8)];
  console.log(`${name.padEnd(width)}  ${cells.join('  ')}  ${unit}${baseline ? `; ${baseline.what}` : ''}`);
}
await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
if (failures.length > 0) {
  console.error(`\n${failures.length} benchmark file(s) failed:\n${failures.join('\n')}`);
  process.exitCode = 1;
}
