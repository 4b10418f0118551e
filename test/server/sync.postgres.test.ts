import { defineSyncSuite } from './sync.suite.ts';
import { startTempPostgres } from './support/postgres.ts';

defineSyncSuite('PostgreSQL', async () => {
  const postgres = await startTempPostgres();
  return { database: async () => ({ dataDir: 'memory://', databaseUrl: postgres.url }), stop: () => postgres.stop() };
});
