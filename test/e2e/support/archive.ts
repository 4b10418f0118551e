/** The real reference archive on 127.0.0.1 with its real (embedded PostgreSQL) database, in a temp dir. */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startArchiveServer, type StartedServer } from '../../../server/index.ts';

export interface TestArchive {
  server: StartedServer;
  editorToken: string;
  dataDir: string;
  get(pathName: string, token?: string): Promise<{ status: number; body: unknown }>;
}

export async function startTestArchive(dataDir = mkdtempSync(path.join(os.tmpdir(), 'clipper-archive-')), port = 0): Promise<TestArchive> {
  const server = await startArchiveServer({ port, dataDir, logLevel: 'silent' });
  const { token } = await server.createUser({ name: 'Edith Editor', role: 'editor' });
  return {
    server,
    editorToken: token,
    dataDir,
    async get(pathName, useToken = token) {
      const response = await fetch(`${server.url}${pathName}`, { headers: { authorization: `Bearer ${useToken}` } });
      return { status: response.status, body: await response.json() };
    },
  };
}
