/**
 * Where an import runs: in a worker when the page can start one, so that checking a large file and writing
 * its drafts (all in the worker's one transaction) leave the page's thread free to draw the progress; else
 * on the page itself. Either way `importEverything` does the work; in the worker it then indexes the
 * imported drafts for search, off the page as well.
 */
import { importEverything, type ImportOutcome, type ImportProgress } from './backup.ts';
import { db } from './db.ts';
import { forgetSearch } from './search.ts';

export type FromImportWorker =
  | { kind: 'progress'; written: number; total: number }
  | { kind: 'outcome'; outcome: ImportOutcome }
  | { kind: 'failed'; message: string }
  /** After the outcome: the search index of what came in is saved too (or could not be). */
  | { kind: 'finished' };

/** Imports `file` into this extension's store. */
export function importBackup(file: Blob | string, onProgress: ImportProgress): Promise<ImportOutcome> {
  if (typeof Worker === 'undefined') return importEverything(file, db(), onProgress);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.kind === 'progress') return onProgress(message.written, message.total);
      if (message.kind === 'outcome') {
        // This page's own index predates what the worker wrote.
        if (message.outcome.ok && message.outcome.drafts > 0) forgetSearch(db());
        return resolve(message.outcome);
      }
      if (message.kind === 'failed') reject(new Error(message.message));
      worker.terminate();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The import could not run.'));
    };
    worker.postMessage(file);
  });
}
