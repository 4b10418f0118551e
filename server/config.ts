/** Server options from environment variables (used by main.ts and cli.ts). */
import type { ArchiveServerOptions } from './index.ts';

function number(name: string, env: NodeJS.ProcessEnv): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ArchiveServerOptions {
  return {
    port: number('PORT', env),
    host: env.HOST || undefined,
    dataDir: env.DATA_DIR || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    logLevel: env.LOG_LEVEL || undefined,
    rateLimitPerMinute: number('RATE_LIMIT_PER_MINUTE', env),
    authFailuresPerMinute: number('AUTH_FAILURES_PER_MINUTE', env),
    bodyLimitBytes: number('BODY_LIMIT_BYTES', env),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
