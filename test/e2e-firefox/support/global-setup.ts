/** Builds the Firefox extension once for the whole Firefox end-to-end run. */
import { build } from 'vite';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { ROOT } from '../../e2e/support/paths.ts';

export default async function setup(): Promise<() => void> {
  const outDir = path.join(ROOT, `.tmp/e2e-firefox-dist-${process.pid}`);
  // Test workers inherit the environment: this is how they find this run's build.
  process.env.CLIPPER_FIREFOX_DIST = outDir;
  process.env.CLIPPER_OUT_DIR = outDir;
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, mode: 'firefox', logLevel: 'warn' });
  return () => rmSync(outDir, { recursive: true, force: true });
}
