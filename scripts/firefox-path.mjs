// Where a Firefox (ESR 142 or newer, for the manifest's strict_min_version) for the end-to-end tests lives:
// FIREFOX_PATH, else the usual install paths.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The manifest's strict_min_version. Debian bookworm itself has ESR 140; bookworm-security has newer. */
export const FIREFOX_MIN_VERSION = 142;

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** @returns {string | undefined} */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** @param {string | undefined} executable @returns {number | undefined} the major version it reports */
export function firefoxMajorVersion(executable) {
  if (!executable) return undefined;
  try {
    const match = /Firefox (\d+)\./.exec(execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 }));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The add-on id of the Firefox build (its manifest's browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'incident-clipper@archive.example';
