/**
 * Headless Firefox ESR with the built extension, driven over WebDriver BiDi. The profile fixes the
 * extension's internal uuid, so its page addresses are known, and sends every console message of chrome and
 * content code to stdout, where extension errors are collected (BiDi's log events omit extension pages).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIREFOX_ADDON_ID, FIREFOX_MIN_VERSION, findFirefox, firefoxMajorVersion } from '../../../scripts/firefox-path.mjs';
import { connectBidi, type BidiSession } from './bidi.ts';
import { FIREFOX_DIST } from './paths.ts';
import { chromeWindow, evaluate } from './pages.ts';

export const EXTENSION_UUID = '3f1c2a4e-9b7d-4c1e-8a5f-0d2b6e7c9a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

const PREFS: Record<string, string | boolean | number> = {
  'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: EXTENSION_UUID }),
  'devtools.console.stdout.chrome': true,
  'devtools.console.stdout.content': true,
  // No traffic to Mozilla's services from a test run.
  'app.normandy.enabled': false,
  'app.update.enabled': false,
  'browser.region.network.url': '',
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.search.update': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.enabled': false,
};

export interface Firefox {
  bidi: BidiSession;
  /** Every line Firefox wrote to stdout and stderr so far. */
  output(): string;
  /**
   * Errors from the extension's own code: uncaught ones as Firefox printed them, and every error in the
   * browser's console service that comes from an extension file (CSP reports are only there).
   */
  extensionErrors(): Promise<string[]>;
  /** What Firefox said while reading the extension's manifest ("unexpected property", unknown permission). */
  manifestWarnings(): Promise<string[]>;
  close(): Promise<void>;
}

export function extensionPage(pathName: string): string {
  return `${EXTENSION_ORIGIN}/${pathName.replace(/^\//, '')}`;
}

export async function launchFirefox(dist = FIREFOX_DIST): Promise<Firefox> {
  const executable = findFirefox();
  if (!executable) throw new Error('Firefox not found: install it (apt-get install -y firefox-esr) or set FIREFOX_PATH.');
  const version = firefoxMajorVersion(executable);
  if ((version ?? 0) < FIREFOX_MIN_VERSION) throw new Error(`${executable} is Firefox ${version ?? '?'}; the extension needs ${FIREFOX_MIN_VERSION} or newer.`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'clipper-firefox-'));
  writeFileSync(
    path.join(profile, 'user.js'),
    Object.entries(PREFS).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''),
  );
  const child = spawn(executable, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, '--remote-allow-system-access'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const endpoint = await waitForEndpoint(child, () => output);
  const bidi = await connectBidi(`${endpoint}/session`);
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: dist } });
  const firefox: Firefox = {
    bidi,
    output: () => output,
    async extensionErrors() {
      const logged = await evaluate(firefox, await chromeWindow(firefox), consoleErrorsFrom, EXTENSION_ORIGIN);
      return [...new Set([...extensionErrorLines(output), ...logged])].filter((error) => !CLOSED_WHILE_WAITING.test(error));
    },
    async manifestWarnings() {
      const messages = await evaluate(firefox, await chromeWindow(firefox), consoleMessages);
      return messages.filter((message) => message.includes(FIREFOX_ADDON_ID) && message.includes('Reading manifest'));
    },
    async close() {
      bidi.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return firefox;
}

async function waitForEndpoint(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const match = /WebDriver BiDi listening on (ws:\/\/[\d.:]+)/.exec(output());
    if (match) return match[1]!;
    if (child.exitCode !== null) throw new Error(`Firefox exited (${child.exitCode}) before listening:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox did not start its WebDriver BiDi listener within 90 s:\n${output()}`);
}

/**
 * Firefox's own notes that a page was closed while a message it sent still waited for its answer (a popup
 * closed right after a click): the answer, or the failure, arrives for a page that is gone, so its code
 * can no longer run, and nothing failed in the extension. Both notes come: only the failure's was
 * expected here once, and the answer's then failed about one Firefox run in twenty.
 */
const CLOSED_WHILE_WAITING = /Promise (resolved|rejected) after context unloaded/;

/** The lines of stdout reporting an uncaught error in one of the extension's files. */
export function extensionErrorLines(output: string): string[] {
  return output.split('\n').filter((line) => line.startsWith('JavaScript error:') && line.includes(EXTENSION_ORIGIN));
}

/** Runs in the browser window's privileged scope: the text of every message in the console service. */
function consoleMessages(): string[] {
  const { Services } = globalThis as unknown as { Services: { console: { getMessageArray(): { message?: string; errorMessage?: string }[] } } };
  return Services.console.getMessageArray().map((message) => String(message.errorMessage ?? message.message));
}

/** Runs in the browser window's privileged scope: the console service's errors from `origin`'s files. */
function consoleErrorsFrom(origin: string): string[] {
  const { Services, Ci } = globalThis as unknown as {
    Services: { console: { getMessageArray(): unknown[] } };
    Ci: { nsIScriptError: { errorFlag: number } & (new () => unknown) };
  };
  return Services.console
    .getMessageArray()
    .filter((message): message is { flags: number; sourceName: string; errorMessage: string } => message instanceof Ci.nsIScriptError)
    .filter((message) => message.flags === Ci.nsIScriptError.errorFlag && message.sourceName.startsWith(origin))
    .map((message) => `${message.sourceName}: ${message.errorMessage}`);
}
