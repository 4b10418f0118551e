// Where a Firefox (ESR 142 or newer, for the manifest's strict_min_version) for the end-to-end tests lives:
// FIREFOX_PATH, else the usual install paths.
import { existsSync } from 'node:fs';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** @returns {string | undefined} */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : undefined;
  return FIREFOX_CANDIDATES.find((candidate) => existsSync(candidate));
}

/** The add-on id of the Firefox build (its manifest's browser_specific_settings.gecko.id). */
export const FIREFOX_ADDON_ID = 'incident-clipper@archive.example';
