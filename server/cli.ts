/**
 * Archive administration.
 *   npm run server:user -- --name alice --role editor
 * (= `tsx server/cli.ts create-user --name alice --role editor`) prints the new user's token once.
 * Uses the same DATA_DIR / DATABASE_URL as the server. With PGlite, stop the server first:
 * one data directory can be opened by one process at a time.
 */
import { parseArgs } from 'node:util';
import { Role } from '../src/core/contract.ts';
import { optionsFromEnv } from './config.ts';
import { openDatabase } from './db/index.ts';
import { DEFAULTS } from './index.ts';
import { createUser } from './users.ts';

const USAGE = 'usage: tsx server/cli.ts create-user --name <name> --role editor|reviewer';

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
  const env = optionsFromEnv();
  const db = await openDatabase({ dataDir: env.dataDir ?? DEFAULTS.dataDir, databaseUrl: env.databaseUrl });
  try {
    const user = await createUser(db, { name, role: role.data });
    console.error(`Created ${user.role} "${user.name}" (${user.id}). Its token, shown only now:`);
    console.log(user.token);
  } finally {
    await db.close();
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
