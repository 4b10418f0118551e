/** `npm run server:user -- --name … --role …` creates a user in the server's database and prints a working token. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { startArchiveServer } from '../../server/index.ts';
import { REPO_ROOT } from './support/child.ts';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
}

it('prints a token for the new user that the server then accepts', async () => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'archive-cli-'));
  dirs.push(dataDir);
  const { stdout, stderr } = await cli(['create-user', '--name', 'alice', '--role', 'reviewer'], { DATA_DIR: dataDir });
  const token = stdout.trim();
  expect(token).toMatch(/^ica_[\w-]{43}$/);
  expect(stderr).toContain('reviewer "alice"');

  const server = await startArchiveServer({ port: 0, dataDir, logLevel: 'silent' });
  try {
    const me = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ user: { name: 'alice', role: 'reviewer' } });
  } finally {
    await server.close();
  }
});

it('refuses a missing name or an unknown role with usage and exit code 2', async () => {
  const env = { DATA_DIR: path.join(tmpdir(), 'archive-cli-never-created') };
  await expect(cli(['create-user', '--name', 'bob', '--role', 'admin'], env)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
  await expect(cli(['create-user', '--role', 'editor'], env)).rejects.toMatchObject({ code: 2 });
});
