/** A build of the extension into its own folder, with the host access a test wants (the global setup's is <all_urls>). */
import path from 'node:path';
import { build } from 'vite';
import { ROOT } from './paths.ts';

export async function buildExtensionInto(outDir: string, hosts: string): Promise<void> {
  const keys = ['CLIPPER_OUT_DIR', 'CLIPPER_HOSTS'] as const;
  const saved = keys.map((key) => process.env[key]);
  process.env.CLIPPER_OUT_DIR = outDir;
  process.env.CLIPPER_HOSTS = hosts;
  try {
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), root: ROOT, logLevel: 'warn' });
  } finally {
    keys.forEach((key, index) => {
      if (saved[index] === undefined) delete process.env[key];
      else process.env[key] = saved[index];
    });
  }
}
