/**
 * Where an import checks its file: in a worker when the page can start one, so that the zod checks of a
 * large file run beside the page's IndexedDB writes instead of before them; else on the page itself.
 * Either way the caller gets the same drafts in the same chunks and the same parse result.
 */
import type { Draft } from '../core/draft.ts';
import { parseBackup, type BackupParse } from '../workspace/io/backup.ts';

export interface ToBackupWorker {
  file: Blob | string;
  knownDraftIds: string[];
}

/**
 * A chunk of checked drafts crosses as JSON text: a structured clone of 10,000 drafts cost the page about
 * twice as long to take in as JSON.parse of the same drafts, on the thread that also writes them.
 */
export type FromBackupWorker = { kind: 'drafts'; json: string } | { kind: 'done'; parsed: BackupParse } | { kind: 'failed'; message: string };

export type ParsingMessage = { kind: 'drafts'; rows: Draft[] } | { kind: 'done'; parsed: BackupParse };

/** The file's checked drafts, chunk by chunk, then the parse result. `next` answers in order, once per message. */
export interface BackupParsing {
  next(): Promise<ParsingMessage>;
  /**
   * The drafts of the chunks that have arrived and not been asked for yet, taken now (so `next` skips
   * them): when the writes fall behind the checks, all that waits is put at once, instead of one chunk per
   * round trip of the transaction, with the database idle in between.
   */
  takeArrivedDrafts(): Draft[];
}

export function parseBackupFile(file: Blob | string, knownDraftIds: ReadonlySet<string>): BackupParsing {
  return typeof Worker === 'undefined' ? parseHere(file, knownDraftIds) : parseInWorker(file, knownDraftIds);
}

function parseHere(file: Blob | string, knownDraftIds: ReadonlySet<string>): BackupParsing {
  const messages = (async () => {
    const queue: ParsingMessage[] = [];
    const text = typeof file === 'string' ? file : await file.text();
    const parsed = parseBackup(text, knownDraftIds, { drafts: (rows) => queue.push({ kind: 'drafts', rows }) });
    queue.push({ kind: 'done', parsed });
    return queue;
  })();
  let at = 0;
  // Everything is checked before the first answer: nothing ever waits here.
  return { next: async () => (await messages)[at++]!, takeArrivedDrafts: () => [] };
}

function parseInWorker(file: Blob | string, knownDraftIds: ReadonlySet<string>): BackupParsing {
  const worker = new Worker(new URL('./backup-worker.ts', import.meta.url), { type: 'module' });
  const waiting: { resolve: (message: ParsingMessage) => void; reject: (error: Error) => void }[] = [];
  const arrived: (ParsingMessage | Error)[] = [];
  const deliver = (item: ParsingMessage | Error) => {
    const taker = waiting.shift();
    if (!taker) arrived.push(item);
    else if (item instanceof Error) taker.reject(item);
    else taker.resolve(item);
  };
  worker.onmessage = (event: MessageEvent<FromBackupWorker>) => {
    const message = event.data;
    if (message.kind === 'drafts') return deliver({ kind: 'drafts', rows: JSON.parse(message.json) as Draft[] });
    worker.terminate();
    deliver(message.kind === 'failed' ? new Error(message.message) : message);
  };
  worker.onerror = (event) => {
    worker.terminate();
    deliver(new Error(event.message || 'The backup could not be checked.'));
  };
  worker.postMessage({ file, knownDraftIds: [...knownDraftIds] } satisfies ToBackupWorker);
  return {
    next: () => {
      const item = arrived.shift();
      if (item instanceof Error) return Promise.reject(item);
      if (item) return Promise.resolve(item);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    takeArrivedDrafts: () => {
      const rows: Draft[] = [];
      while (arrived[0] && !(arrived[0] instanceof Error) && arrived[0].kind === 'drafts') rows.push(...(arrived.shift() as { rows: Draft[] }).rows);
      return rows;
    },
  };
}
