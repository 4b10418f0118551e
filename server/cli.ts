/**
 * Archive administration.
 *   npm run server:user -- --name alice --role editor
 * (= `tsx server/cli.ts create-user --name alice --role editor`) prints the new user's token once.
 * Uses the same DATA_DIR / DATABASE_URL as the server. PostgreSQL is written directly. A PGlite
 * directory belongs to one process: while a server runs on it, the user is created by that server
 * (through its admin endpoint, see admin.ts); otherwise the CLI opens the directory itself.
 */
import { parseArgs } from 'node:util';
import { CreatedUser, Role } from '../src/core/contract.ts';
import { ADMIN_USERS_PATH, readAdminEndpoint } from './admin.ts';
import { optionsFromEnv } from './config.ts';
import { DataDirInUse } from './db/dir-lock.ts';
import { openDatabase } from './db/index.ts';
import { DEFAULTS } from './index.ts';
import { createUser, type NewUser } from './users.ts';

const USAGE = 'usage: tsx server/cli.ts create-user --name <name> --role editor|reviewer';

type Input = { name: string; role: Role };

async function createInDatabase(input: Input, dataDir: string, databaseUrl: string | undefined): Promise<NewUser> {
  const db = await openDatabase({ dataDir, databaseUrl });
  try {
    return await createUser(db, input);
  } finally {
    await db.close();
  }
}

/** Asks the server that holds the directory; explains what to do when nothing answers. */
async function createThroughServer(input: Input, inUse: DataDirInUse): Promise<NewUser> {
  const endpoint = await readAdminEndpoint(inUse.dataDir);
  if (!endpoint || endpoint.pid !== inUse.pid) throw inUse;
  let response: Response;
  try {
    response = await fetch(`${endpoint.url}${ADMIN_USERS_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new Error(`${inUse.message} Its admin endpoint ${endpoint.url} did not answer (${(error as Error).message}).`, { cause: error });
  }
  const reply: unknown = await response.json().catch(() => null);
  const created = CreatedUser.safeParse(reply);
  if (response.status !== 201 || !created.success) {
    throw new Error(`The running archive at ${endpoint.url} refused to create the user (${response.status}): ${JSON.stringify(reply)}`);
  }
  return created.data;
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals[0] !== 'create-user') {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const name = values.name?.trim();
  const role = Role.safeParse(values.role);
  if (!name || !role.success) {
    console.error(`${USAGE}\n(--name is required; --role must be editor or reviewer)`);
    return 2;
  }
  const input = { name, role: role.data };
  const env = optionsFromEnv();
  try {
    const user = await createInDatabase(input, env.dataDir ?? DEFAULTS.dataDir, env.databaseUrl).catch((error: unknown) => {
      if (error instanceof DataDirInUse) return createThroughServer(input, error);
      throw error;
    });
    console.error(`Created ${user.role} "${user.name}" (${user.id}). Its token, shown only now:`);
    console.log(user.token);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
