// `npm test`: typecheck, lint, unit, server and end-to-end tests (Chromium, then Firefox), in that order, then
// one closing line "N passed, N failed". It installs Debian's chromium, firefox-esr (and PostgreSQL for the
// server suite) when they are missing and it runs as root; otherwise it stops with a one-line instruction.
// Nothing is skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { findChromium } from './chromium-path.mjs';
import { findFirefox, firefoxMajorVersion, FIREFOX_MIN_VERSION } from './firefox-path.mjs';

const POSTGRES_BIN = '/usr/lib/postgresql/15/bin/postgres';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

function aptInstall(pkg) {
  if (!aptUpdated) execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  aptUpdated = true;
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function ensureTool(what, present, pkg, instruction) {
  if (present()) return;
  if (!isRoot) {
    console.error(`npm test: ${what} is missing. ${instruction}`);
    process.exit(1);
  }
  console.log(`npm test: installing ${pkg} with apt-get…`);
  aptInstall(pkg);
  if (!present()) {
    console.error(`npm test: ${what} is still missing after apt-get install ${pkg}.`);
    process.exit(1);
  }
}

ensureTool('Chromium', () => findChromium() !== undefined, 'chromium', 'Install it (sudo apt-get install chromium) or set CHROME_PATH to a Chromium binary.');
ensureTool(
  `Firefox ${FIREFOX_MIN_VERSION} or newer`,
  () => (firefoxMajorVersion(findFirefox()) ?? 0) >= FIREFOX_MIN_VERSION,
  'firefox-esr',
  `Install it (sudo apt-get install firefox-esr, from bookworm-security for ESR ${FIREFOX_MIN_VERSION}+) or set FIREFOX_PATH to a Firefox binary.`,
);
if (!process.env.DATABASE_URL) {
  ensureTool('PostgreSQL 15', () => existsSync(POSTGRES_BIN), 'postgresql-15', 'Install it (sudo apt-get install postgresql-15) or set DATABASE_URL to a PostgreSQL database.');
}

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
}

mkdirSync('.tmp', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

for (const [name, args] of [
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', ['eslint', '.']],
  ['firefox build', ['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']],
  ['web-ext lint (firefox)', ['web-ext', 'lint', '--source-dir', 'dist-firefox']],
]) {
  if (!step(name, 'npx', args)) failedSteps.push(name);
}

for (const project of ['unit', 'server', 'e2e', 'e2e-firefox']) {
  const report = `.tmp/vitest-${project}.json`;
  // The browser suites name every test, so a run shows which ones really ran in which browser.
  const reporter = project.startsWith('e2e') ? 'verbose' : 'default';
  const ok = step(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, `--reporter=${reporter}`, '--reporter=json', `--outputFile.json=${report}`]);
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += summary.numPassedTests;
    totals.failed += summary.numFailedTests;
    totals.skipped += summary.numPendingTests + summary.numTodoTests;
    if (summary.numTotalTests === 0) failedSteps.push(`${project} (ran no test)`);
  }
  if (!ok) failedSteps.push(`${project} tests`);
}

if (failedSteps.length > 0) console.error(`\nFailed: ${[...new Set(failedSteps)].join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
