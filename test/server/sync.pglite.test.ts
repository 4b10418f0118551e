import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineSyncSuite } from './sync.suite.ts';

defineSyncSuite('PGlite (on disk)', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-sync-'));
  let n = 0;
  return {
    database: async () => ({ dataDir: path.join(root, 'db') }),
    freshDatabase: async () => ({ options: { dataDir: path.join(root, `fresh${n++}`) }, stop: async () => {} }),
    stop: () => rm(root, { recursive: true, force: true }),
  };
});
