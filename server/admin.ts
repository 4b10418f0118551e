/**
 * Local administration of a running PGlite archive. The server owns its data directory (one process
 * per directory), so `npm run server:user` asks the running server instead of opening the database.
 * At start the server writes `admin.json` into the data directory (mode 0600: readable by whoever can
 * already read the database files) with its URL and a fresh admin token, and removes it at stop.
 */
import { randomBytes } from 'node:crypto';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ADMIN_FILE = 'admin.json';
export const ADMIN_USERS_PATH = '/admin/users';

export interface AdminEndpoint {
  pid: number;
  url: string;
  token: string;
}

export function newAdminToken(): string {
  return `ica_admin_${randomBytes(32).toString('base64url')}`;
}

/** Writes the endpoint file; returns a function that removes it. */
export async function publishAdminEndpoint(dataDir: string, endpoint: AdminEndpoint): Promise<() => Promise<void>> {
  const file = path.join(dataDir, ADMIN_FILE);
  await writeFile(file, JSON.stringify(endpoint), { mode: 0o600 });
  return () => unlink(file).catch(() => {});
}

export async function readAdminEndpoint(dataDir: string): Promise<AdminEndpoint | null> {
  try {
    const endpoint = JSON.parse(await readFile(path.join(dataDir, ADMIN_FILE), 'utf8')) as Partial<AdminEndpoint>;
    return typeof endpoint.pid === 'number' && typeof endpoint.url === 'string' && typeof endpoint.token === 'string'
      ? (endpoint as AdminEndpoint)
      : null;
  } catch {
    return null;
  }
}
