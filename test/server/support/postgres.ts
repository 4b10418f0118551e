/**
 * A throwaway PostgreSQL for tests and benchmarks.
 * With DATABASE_URL set, creates (and later drops) a fresh database on that server.
 * Otherwise runs initdb/pg_ctl from /usr/lib/postgresql/15/bin in a temp dir on a free loopback port,
 * as the `postgres` user when we are root (PostgreSQL refuses to run as root).
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface TempPostgres {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function freshDatabaseOn(baseUrl: string): Promise<TempPostgres> {
  const name = `archive_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function startTempPostgres(): Promise<TempPostgres> {
  if (process.env.DATABASE_URL) return freshDatabaseOn(process.env.DATABASE_URL);
  if (!existsSync(path.join(PG_BIN, 'initdb')) || !existsSync(path.join(PG_BIN, 'pg_ctl'))) {
    throw new Error(
      `PostgreSQL 15 binaries not found in ${PG_BIN}: install them (apt-get install postgresql-15), set PG_BIN, or set DATABASE_URL to a server the tests may create databases on.`,
    );
  }
  const asRoot = userInfo().uid === 0;
  const as = (command: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, command), ...args]) : run(path.join(PG_BIN, command), args);
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = path.join(dir, 'data');
  await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=100`;
  await as('pg_ctl', ['start', '-D', data, '-w', '-t', '60', '-l', path.join(dir, 'log'), '-o', options]);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await as('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => as('pg_ctl', ['stop', '-D', data, '-m', 'immediate', '-w']));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
