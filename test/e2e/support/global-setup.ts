/** Builds the extension once for the whole end-to-end run. */
import { build } from 'vite';
import path from 'node:path';
import { E2E_DIST, ROOT } from './paths.ts';

export default async function setup(): Promise<void> {
  process.env.CLIPPER_OUT_DIR = E2E_DIST;
  process.env.CLIPPER_HOSTS = 'http://127.0.0.1/*';
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
}
