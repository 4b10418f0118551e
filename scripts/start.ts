/**
 * `npm start`: the reference archive on its embedded database, a ready editor, and extension builds for
 * Chrome (dist/) and Firefox (dist-firefox/) preconfigured for both. Launches Chromium with the extension
 * when a display is available. PORT, HOST and DATA_DIR choose where the archive listens and keeps its data.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { startArchiveServer, type StartedServer } from '../server/index.ts';
import { exitOnStartupMistake } from '../server/port-in-use.ts';
import { findChromium } from './chromium-path.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_DIR = path.join(ROOT, '.data');
const DEV_USER_FILE = path.join(DATA_DIR, 'dev-user.json');
const DIST = path.join(ROOT, 'dist');
const DIST_FIREFOX = path.join(ROOT, 'dist-firefox');

async function readyToken(server: StartedServer): Promise<string> {
  if (existsSync(DEV_USER_FILE)) {
    const { token } = JSON.parse(readFileSync(DEV_USER_FILE, 'utf8')) as { token: string };
    const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    if (me.ok) return token;
  }
  const { token } = await server.createUser({ name: 'Local Editor', role: 'editor' });
  writeFileSync(DEV_USER_FILE, JSON.stringify({ token }), { mode: 0o600 });
  return token;
}

function launchChromium(): void {
  const executable = findChromium();
  const hasDisplay = process.platform === 'darwin' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!executable || !hasDisplay) return;
  const profile = path.join(DATA_DIR, 'chromium-profile');
  spawn(executable, [`--user-data-dir=${profile}`, `--load-extension=${DIST}`, '--no-first-run', 'http://127.0.0.1/'], { stdio: 'ignore', detached: true }).unref();
  console.log(`Chromium started with the extension (profile: ${profile}).`);
}

mkdirSync(DATA_DIR, { recursive: true });
const server = await startArchiveServer({
  port: Number(process.env.PORT ?? 8787),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir: process.env.DATA_DIR ?? path.join(DATA_DIR, 'archive'),
  logLevel: process.env.LOG_LEVEL ?? 'warn',
}).catch((error: unknown) => {
  exitOnStartupMistake(error);
  throw error;
});
console.log(`Reference archive: ${server.url} (try ${server.url}/v1/taxonomy)`);
const token = await readyToken(server);

process.env.CLIPPER_ARCHIVE_URL = server.url;
process.env.CLIPPER_ARCHIVE_TOKEN = token;
for (const mode of ['production', 'firefox']) await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, mode, logLevel: 'warn' });

console.log(`
Extension built, already set up for ${server.url} as "Local Editor":
  Chrome:  open chrome://extensions, turn on "Developer mode", click "Load unpacked" and pick ${DIST}
  Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…" and pick ${path.join(DIST_FIREFOX, 'manifest.json')}
Then select text on any page and right-click "Clip to incident draft" (or press Alt+Shift+K).
Editor token (also in .data/dev-user.json): ${token}
Press Ctrl+C to stop the archive.`);
launchChromium();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
