/** A real PostgreSQL server through a node-postgres pool (`DATABASE_URL`). */
import pg from 'pg';
import type { Database, Queryable } from './types.ts';

type Client = pg.Pool | pg.PoolClient;

function wrap(client: Client): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export async function openPostgres(connectionString: string, poolSize = 16): Promise<Database> {
  // Pipelined: a transaction's BEGIN goes out with its first statement instead of a round trip of its own.
  const pool = new pg.Pool({ connectionString, max: poolSize, pipeline: true });
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  await pool.query('select 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        const begun = client.query('begin');
        // Each pipelined statement carries its own Sync, so a failed BEGIN does not stop the ones behind it. BEGIN
        // fails only on a broken connection, which fails those too; the await below still reports it, and the
        // transaction is rolled back and refused.
        begun.catch(() => {});
        const result = await fn(wrap(client));
        await begun;
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
