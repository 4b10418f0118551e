/** PGlite (embedded PostgreSQL in WebAssembly): on disk in a directory, or `memory://`. */
import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './dir-lock.ts';
import type { Database, Queryable } from './types.ts';

function wrap(db: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const lock = inMemory ? null : await lockDataDir(dataDir);
  let db: PGlite;
  try {
    // relaxedDurability stays off: every statement's writes reach the file system before the query resolves.
    db = await PGlite.create({ dataDir, relaxedDurability: false });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const base = wrap(db);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      await db.close();
      await lock?.release();
    },
  };
}
