/**
 * The extension's IndexedDB, declared once with versioned schemas.
 * Lives in the extension's own origin: content scripts can never open it, so the token is kept here
 * (chrome.storage.local would be readable by content scripts).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Clip, Draft } from '../core/draft.ts';
import type { SubmissionRequest } from '../archive/contract.ts';

export interface OutboxRow {
  seq?: number;
  kind: 'submit';
  draftId: string;
  idempotencyKey: string;
  /** Snapshot taken when queued, so every retry sends the same bytes under the same key. */
  body: SubmissionRequest;
  attempts: number;
  /** Epoch milliseconds before which the row is not retried (backoff). */
  nextAttemptAt: number;
  lastError?: string;
}

export interface DeadLetterRow {
  id?: number;
  draftId: string;
  kind: OutboxRow['kind'];
  status: number;
  error: string;
  at: string;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export const DB_NAME = 'incident-clipper';

export class ClipperDb extends Dexie {
  drafts!: EntityTable<Draft, 'id'>;
  clips!: EntityTable<Clip, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  deadLetters!: EntityTable<DeadLetterRow, 'id'>;
  settings!: EntityTable<KeyValueRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      drafts: 'id, updatedAt',
      clips: 'id, draftId, url, createdAt',
      outbox: '++seq, draftId, nextAttemptAt',
      deadLetters: '++id, draftId',
      settings: 'key',
    });
  }
}

let shared: ClipperDb | undefined;

/** The one database handle of this extension context. */
export function db(): ClipperDb {
  shared ??= new ClipperDb();
  return shared;
}
