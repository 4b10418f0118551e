/** Programmatic entry: `startArchiveServer()` opens the database, migrates, listens, and closes gracefully. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { pino } from 'pino';
import type { Role } from '../src/core/contract.ts';
import { createApp } from './app.ts';
import { newAdminToken, publishAdminEndpoint } from './admin.ts';
import { openDatabase } from './db/index.ts';
import { answerParserErrorsAsJson, requestErrorResponse } from './node-errors.ts';
import { PortInUseError, isPortInUse } from './port-in-use.ts';
import { purgeIdempotencyKeys } from './submissions.ts';
import { createUser } from './users.ts';

export interface StartedServer {
  url: string;
  port: number;
  /** Stops accepting connections, finishes requests in flight, then closes the database. */
  close(): Promise<void>;
  createUser(input: { name: string; role: Role }): Promise<{ id: string; token: string }>;
}

export interface ArchiveServerOptions {
  /** 0 = ephemeral. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PGlite directory (default `.data/archive`), or `memory://` for in-memory. */
  dataDir?: string;
  /** When set, use PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** pino level; default 'info'. */
  logLevel?: string;
  /** Requests per minute per token; 0 or Infinity disables. Default 1200. */
  rateLimitPerMinute?: number;
  /** Requests with an unknown token per minute per client address; 0 or Infinity disables. Default 30. */
  authFailuresPerMinute?: number;
  /** Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Origins allowed by CORS besides chrome-extension:// and moz-extension://. */
  corsOrigins?: string[];
}

export const DEFAULTS = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: '.data/archive',
  logLevel: 'info',
  rateLimitPerMinute: 1200,
  authFailuresPerMinute: 30,
  bodyLimitBytes: 1024 * 1024,
} as const;

const PURGE_EVERY_MS = 60 * 60 * 1000;
const SHUTDOWN_GRACE_MS = 10_000;

function listen(server: Server): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const address = server.address();
    if (address && typeof address === 'object') return resolve(address);
    server.once('listening', () => resolve(server.address() as AddressInfo));
    server.once('error', reject);
  });
}

export async function startArchiveServer(options: ArchiveServerOptions = {}): Promise<StartedServer> {
  const log = pino({ level: options.logLevel ?? DEFAULTS.logLevel, base: { service: 'incident-archive' } });
  const dataDir = options.dataDir ?? DEFAULTS.dataDir;
  const db = await openDatabase({ dataDir, databaseUrl: options.databaseUrl });
  // Only this process may open a PGlite directory, so user creation from the CLI goes through it.
  const onDisk = db.kind === 'pglite' && !dataDir.startsWith('memory://');
  const adminToken = onDisk ? newAdminToken() : undefined;
  const app = createApp({
    adminToken,
    db,
    log,
    rateLimitPerMinute: options.rateLimitPerMinute ?? DEFAULTS.rateLimitPerMinute,
    authFailuresPerMinute: options.authFailuresPerMinute ?? DEFAULTS.authFailuresPerMinute,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
    corsOrigins: options.corsOrigins ?? [],
  });

  const purge = () =>
    purgeIdempotencyKeys(db).then(
      (count) => count > 0 && log.info({ count }, 'purged expired idempotency keys'),
      (err: unknown) => log.error({ err }, 'idempotency purge failed'),
    );
  await purge();
  const purgeTimer = setInterval(() => void purge(), PURGE_EVERY_MS);
  purgeTimer.unref();

  const host = options.host ?? DEFAULTS.host;
  const server = createServer(getRequestListener(app.fetch, { hostname: host, errorHandler: requestErrorResponse }));
  answerParserErrorsAsJson(server);
  server.listen(options.port ?? DEFAULTS.port, host);
  let address: AddressInfo;
  try {
    address = await listen(server);
  } catch (error) {
    clearInterval(purgeTimer);
    await db.close();
    throw isPortInUse(error) ? new PortInUseError(host, options.port ?? DEFAULTS.port) : error;
  }
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  const unpublish = adminToken ? await publishAdminEndpoint(dataDir, { pid: process.pid, url, token: adminToken }) : async () => {};
  log.info({ url, database: db.kind, dataDir: db.kind === 'pglite' ? dataDir : undefined }, 'archive server listening');

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(purgeTimer);
      await new Promise<void>((resolve) => {
        // Finishes requests in flight; idle keep-alive sockets are closed now, the rest after their response.
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      await unpublish();
      await db.close();
      log.info('archive server stopped');
    })());

  return {
    url,
    port: address.port,
    close,
    createUser: async (input) => {
      const user = await createUser(db, input);
      return { id: user.id, token: user.token };
    },
  };
}
