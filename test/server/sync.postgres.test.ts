import { defineSyncSuite } from './sync.suite.ts';
import { startTempPostgres } from './support/postgres.ts';

defineSyncSuite('PostgreSQL', async () => {
  const postgres = await startTempPostgres();
  return {
    database: async () => ({ dataDir: 'memory://', databaseUrl: postgres.url }),
    freshDatabase: async () => {
      const fresh = await startTempPostgres();
      return { options: { dataDir: 'memory://', databaseUrl: fresh.url }, stop: () => fresh.stop() };
    },
    stop: () => postgres.stop(),
  };
});
