import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineApiSuite } from './api.suite.ts';

defineApiSuite('PGlite (on disk)', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-api-'));
  let n = 0;
  return {
    serverOptions: async () => ({ dataDir: path.join(root, `db${n++}`) }),
    stop: () => rm(root, { recursive: true, force: true }),
  };
});
