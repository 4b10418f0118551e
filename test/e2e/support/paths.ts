import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/**
 * The extension build the end-to-end tests load: the normal build plus the optional <all_urls> grant.
 * The global setup gives each run its own folder, so parallel runs never load a half-written build.
 */
export const E2E_DIST = process.env.CLIPPER_E2E_DIST ?? path.join(ROOT, '.tmp/e2e-dist');
export const FIXTURE_PAGES = path.join(ROOT, 'test/fixtures/pages');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
