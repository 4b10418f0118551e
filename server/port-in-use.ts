import { DataDirInUse } from './db/dir-lock.ts';

/** A port someone else already listens on: one line that says which, and how to pick another. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Port ${port} on ${host} is already in use (is another archive server running?). Stop it, or choose another port: PORT=${port + 1} npm start (or npm run server).`);
    this.name = 'PortInUseError';
  }
}

export function isPortInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * For the command-line entries: an everyday mistake at start (the port taken, the data directory held by
 * another process) prints its one line and exits, instead of a stack trace.
 */
export function exitOnStartupMistake(error: unknown): void {
  if (!(error instanceof PortInUseError) && !(error instanceof DataDirInUse)) return;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
