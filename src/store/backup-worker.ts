/**
 * Checks a backup file off the page's thread (used by imports): the file in, its checked drafts out in
 * chunks as they pass (the page writes them meanwhile), then the rest of the parse. See `parseInWorker`.
 */
import '../core/zod-jitless.ts';
import { parseBackup } from '../workspace/io/backup.ts';
import type { FromBackupWorker, ToBackupWorker } from './backup-parse.ts';

const post = (message: FromBackupWorker) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToBackupWorker>) => {
  try {
    const { file, knownDraftIds } = event.data;
    const text = typeof file === 'string' ? file : await file.text();
    const parsed = parseBackup(text, new Set(knownDraftIds), { drafts: (rows) => post({ kind: 'drafts', json: JSON.stringify(rows) }) });
    post({ kind: 'done', parsed });
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
