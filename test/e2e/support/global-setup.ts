/** Builds the extension once for the whole end-to-end run. */
import { build } from 'vite';
import path from 'node:path';
import { E2E_DIST, ROOT } from './paths.ts';

export default async function setup(): Promise<void> {
  process.env.CLIPPER_OUT_DIR = E2E_DIST;
  // The user's opt-in grant for every page, so the every-page mode can be switched on in tests.
  process.env.CLIPPER_HOSTS = '<all_urls>';
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
}
