/**
 * One process per PGlite data directory. Two PGlite instances on one directory each keep their own
 * copy of the database in memory and overwrite each other's files: acknowledged rows vanish and ids
 * repeat. The lock is a file created exclusively inside the directory, holding the owner's pid; a lock
 * whose pid no longer runs (a `kill -9`, a power cut) is stale and taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';

export const LOCK_FILE = 'archive.lock';

export class DataDirInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another process (pid ${pid}, lock file ${path.join(dataDir, LOCK_FILE)}): ` +
        'stop it first, or delete the lock file if that process is not an archive.',
    );
    this.name = 'DataDirInUse';
  }
}

export interface DirLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in the directory's lock file, or null when there is none (or it is unreadable). */
export async function lockHolder(dataDir: string): Promise<number | null> {
  try {
    const { pid } = JSON.parse(await readFile(path.join(dataDir, LOCK_FILE), 'utf8')) as { pid?: unknown };
    return Number.isInteger(pid) ? (pid as number) : null;
  } catch {
    return null;
  }
}

export async function lockDataDir(dataDir: string): Promise<DirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
      await handle.close();
      return {
        release: async () => {
          if ((await lockHolder(dataDir)) === process.pid) await unlink(file).catch(() => {});
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await lockHolder(dataDir);
    // A lock being written right now has no pid yet: look again before calling it stale.
    if (holder === null && attempt === 0) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if (holder !== null && isRunning(holder)) throw new DataDirInUse(dataDir, holder);
    // Stale: remove it and try the exclusive create again. Known gap: two processes taking over the same
    // stale lock at the same instant could interleave unlink and create and both hold it (microseconds).
    await unlink(file).catch(() => {});
  }
  throw new DataDirInUse(dataDir, (await lockHolder(dataDir)) ?? 0);
}
