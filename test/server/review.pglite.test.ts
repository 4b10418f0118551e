import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineReviewSuite } from './review.suite.ts';

defineReviewSuite('PGlite (on disk)', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-review-'));
  return { database: async () => ({ dataDir: path.join(root, 'db') }), stop: () => rm(root, { recursive: true, force: true }) };
});
