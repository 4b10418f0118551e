/** Builds the extension once for the whole end-to-end run. */
import { build } from 'vite';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { ROOT } from './paths.ts';

export default async function setup(): Promise<() => void> {
  const outDir = path.join(ROOT, `.tmp/e2e-dist-${process.pid}`);
  // Test workers inherit the environment: this is how they find this run's build.
  process.env.CLIPPER_E2E_DIST = outDir;
  process.env.CLIPPER_OUT_DIR = outDir;
  // The user's opt-in grant for every page, so the every-page mode can be switched on in tests.
  process.env.CLIPPER_HOSTS = '<all_urls>';
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  return () => rmSync(outDir, { recursive: true, force: true });
}
