import { defineApiSuite } from './api.suite.ts';
import { startTempPostgres } from './support/postgres.ts';

defineApiSuite('PostgreSQL', async () => {
  const postgres = await startTempPostgres();
  return { serverOptions: async () => ({ databaseUrl: postgres.url }), stop: () => postgres.stop() };
});
