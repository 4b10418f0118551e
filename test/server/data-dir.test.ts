/**
 * One PGlite data directory, one process: a second server refuses it with a one-line message, a lock
 * left by a killed process is taken over, and `npm run server:user` works while the server runs.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, expect, it } from 'vitest';
import { LOCK_FILE } from '../../server/db/dir-lock.ts';
import { REPO_ROOT, startChildServer, type ChildServer } from './support/child.ts';

const run = promisify(execFile);
const dirs: string[] = [];
const servers: ChildServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
});
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-dir-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}

async function startServer(dataDir: string) {
  const server = await startChildServer({ DATA_DIR: dataDir });
  servers.push(server);
  return server;
}

/** Runs `server/main.ts` to its end (it should refuse to start): exit code and output. */
function runToExit(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

it('refuses a second server on the same PGlite directory with a one-line message naming the first; the first keeps serving', async () => {
  const dataDir = await tempDir();
  const first = await startServer(dataDir);
  const second = await runToExit(dataDir);
  expect(second.stdout).not.toContain('listening');
  expect(second.code).toBe(1);
  const lines = second.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(dataDir);
  expect(lines[0]).toContain(`pid ${first.child.pid}`);
  expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
}, 180_000);

it('takes over a lock left by a process that is gone (kill -9)', async () => {
  const dataDir = await tempDir();
  const killed = await startServer(dataDir);
  servers.pop();
  killed.child.kill('SIGKILL');
  expect(await killed.exited).toBe('SIGKILL');
  const next = await startServer(dataDir);
  expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
}, 180_000);

it('takes over a lock file naming a pid no process has', async () => {
  const dataDir = await tempDir();
  const { stdout } = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: Number(stdout) }));
  const next = await startServer(dataDir);
  expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
}, 180_000);

it('creates a user with `npm run server:user` while the server runs, and the running server accepts its token', async () => {
  const dataDir = await tempDir();
  const server = await startServer(dataDir);
  const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'create-user', '--name', 'Rosa Running', '--role', 'editor'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
    timeout: 90_000,
  });
  const token = stdout.trim();
  expect(token).toMatch(/^ica_[\w-]{43}$/);
  expect(stderr).toContain('editor "Rosa Running"');
  const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ user: { name: 'Rosa Running', role: 'editor' } });
  // The admin endpoint takes only the admin token from the data directory, not a user's token.
  const sneaky = await fetch(`${server.url}/admin/users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Sneaky', role: 'reviewer' }),
  });
  expect(sneaky.status).toBe(401);
  expect(((await sneaky.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
}, 180_000);
