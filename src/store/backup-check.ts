/**
 * Checking a backup file, off the page's thread when the page can start a worker. The check parses and
 * validates the file and sends the valid drafts in chunks (so the page writes them meanwhile), then its
 * verdict, then (if asked) the search index of the drafts. Validation and writing then use two cores,
 * and the page's thread and heap stay free of a 50 MB file's parse.
 */
import type { Clip, Draft } from '../core/draft.ts';
import { parseBackup, type Rejection, type RevisionRecord } from '../workspace/io/backup.ts';
import { searchDocument, type SearchDocument } from '../workspace/search.ts';
import { searchSnapshot, type DraftStamp, type SnapshotRow } from './search.ts';

export type CheckMessage =
  | { kind: 'drafts'; rows: Draft[] }
  | { kind: 'rejected'; rejected: Rejection[] }
  | { kind: 'checked'; drafts: number; clips: number; revisions: RevisionRecord[]; clipsForStoredDrafts: Map<string, Clip[]> }
  | { kind: 'indexed'; snapshot: SnapshotRow };

export interface CheckRequest {
  text: string;
  knownDraftIds: string[];
  /** Also index the file's drafts for search (worth it when they are all the store will hold). */
  index: boolean;
}

/** Runs a check, handing each message to `send`. */
export function checkBackup({ text, knownDraftIds, index }: CheckRequest, send: (message: CheckMessage) => void): void {
  // What the index needs of each draft, gathered as the drafts pass (the drafts themselves are not kept).
  const documents: SearchDocument[] = [];
  const stamps: DraftStamp[] = [];
  const parsed = parseBackup(text, new Set(knownDraftIds), {
    drafts(rows) {
      send({ kind: 'drafts', rows });
      if (!index) return;
      for (const draft of rows) {
        documents.push(searchDocument(draft));
        stamps.push({ id: draft.id, updatedAt: draft.updatedAt });
      }
    },
  });
  if (!parsed.ok) return send({ kind: 'rejected', rejected: parsed.rejected });
  send({ kind: 'checked', ...parsed.counts, revisions: parsed.backup.revisions, clipsForStoredDrafts: parsed.clipsForStoredDrafts });
  if (index && stamps.length > 0) send({ kind: 'indexed', snapshot: searchSnapshot(documents, stamps) });
}

/** The messages of a running check, one `next()` at a time. */
export interface BackupCheck {
  next(): Promise<CheckMessage>;
  stop(): void;
}

export function startBackupCheck(request: CheckRequest): BackupCheck {
  const messages = new MessageQueue<CheckMessage>();
  if (typeof Worker === 'undefined') {
    checkBackup(request, (message) => messages.push(message));
    return { next: () => messages.next(), stop: () => undefined };
  }
  const worker = new Worker(new URL('./backup-check-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<CheckMessage>) => messages.push(event.data);
  worker.onerror = (event) => messages.fail(new Error(event.message || 'The backup check stopped unexpectedly.'));
  worker.postMessage(request);
  return { next: () => messages.next(), stop: () => worker.terminate() };
}

class MessageQueue<T> {
  private readonly waiting: T[] = [];
  private readonly readers: { resolve(value: T): void; reject(error: Error): void }[] = [];
  private failure: Error | undefined;

  push(value: T): void {
    const reader = this.readers.shift();
    if (reader) reader.resolve(value);
    else this.waiting.push(value);
  }

  fail(error: Error): void {
    this.failure = error;
    for (const reader of this.readers.splice(0)) reader.reject(error);
  }

  next(): Promise<T> {
    if (this.waiting.length > 0) return Promise.resolve(this.waiting.shift()!);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => this.readers.push({ resolve, reject }));
  }
}
