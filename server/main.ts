/**
 * `npm run server`: the reference archive server.
 * Env: PORT (8787), HOST (127.0.0.1), DATA_DIR (.data/archive), DATABASE_URL (PostgreSQL instead of PGlite),
 * LOG_LEVEL (info), CORS_ORIGINS (comma list), RATE_LIMIT_PER_MINUTE (1200), AUTH_FAILURES_PER_MINUTE (30),
 * BODY_LIMIT_BYTES (1048576).
 */
import { optionsFromEnv } from './config.ts';
import { startArchiveServer } from './index.ts';
import { exitOnStartupMistake } from './port-in-use.ts';

const server = await startArchiveServer(optionsFromEnv()).catch((error: unknown) => {
  exitOnStartupMistake(error);
  throw error;
});
process.stdout.write(`Incident archive listening on ${server.url}\n`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
