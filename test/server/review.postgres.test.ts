import { defineReviewSuite } from './review.suite.ts';
import { startTempPostgres } from './support/postgres.ts';

defineReviewSuite('PostgreSQL', async () => {
  const postgres = await startTempPostgres();
  return { database: async () => ({ dataDir: 'memory://', databaseUrl: postgres.url }), stop: () => postgres.stop() };
});
