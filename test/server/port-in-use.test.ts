/** `npm start` and `npm run server` on a port that is taken: one line naming the port and how to choose another. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REPO_ROOT } from './support/child.ts';

const run = promisify(execFile);
let taken: Server;
let port: number;
let dataDir: string;

beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as AddressInfo).port;
  dataDir = await mkdtemp(path.join(tmpdir(), 'archive-port-'));
});

afterAll(async () => {
  await new Promise((resolve) => taken.close(resolve));
  await rm(dataDir, { recursive: true, force: true });
});

it.each([
  ['npm run server', 'server/main.ts'],
  ['npm start', 'scripts/start.ts'],
])('%s says in one line that the port is in use and how to choose another, with no stack trace', async (_command, entry) => {
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  const failure = await run(process.execPath, ['--import', 'tsx', entry], { cwd: REPO_ROOT, env, timeout: 90_000 }).then(
    () => undefined,
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  expect(failure?.code).toBe(1);
  expect(failure?.stderr.trim().split('\n')).toEqual([
    `Port ${port} on 127.0.0.1 is already in use (is another archive server running?). Stop it, or choose another port: PORT=${port + 1} npm start (or npm run server).`,
  ]);
  expect(failure?.stdout).not.toContain('EADDRINUSE');
}, 120_000);
