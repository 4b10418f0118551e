/**
 * Runs an import off the page's thread (see `importBackup`): checks the file and writes it, reports the
 * outcome, then indexes the imported drafts for search and saves the index.
 */
import '../core/zod-jitless.ts';
import { importEverything } from './backup.ts';
import type { FromImportWorker } from './backup-import.ts';
import { db } from './db.ts';

const post = (message: FromImportWorker) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<Blob | string>) => {
  let indexing: (() => Promise<void>) | undefined;
  try {
    const outcome = await importEverything(event.data, db(), (written, total) => post({ kind: 'progress', written, total }), (work) => (indexing = work));
    post({ kind: 'outcome', outcome });
    await indexing?.();
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
  post({ kind: 'finished' });
};
