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

/** A snapshot of a draft, taken before an edit changed it, so any earlier state can be restored. */
export interface RevisionRow {
  id?: number;
  draftId: string;
  /** ISO time the snapshot was taken. */
  at: string;
  reason: 'edit' | 'restore' | 'conflict' | 'import' | 'upgrade';
  draft: Draft;
}

/**
 * Two writers changed the same field: the stored value won, the other value waits here for a person.
 * `field` is a field path as in src/workspace/field-paths.ts.
 */
export interface ConflictRow {
  id?: number;
  draftId: string;
  field: string;
  /** The value the editor tried to save. */
  mine: unknown;
  /** The value that was in the store when the save arrived. */
  theirs: unknown;
  at: string;
}

export const DB_NAME = 'incident-clipper';

export class ClipperDb extends Dexie {
  drafts!: EntityTable<Draft, 'id'>;
  clips!: EntityTable<Clip, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  deadLetters!: EntityTable<DeadLetterRow, 'id'>;
  settings!: EntityTable<KeyValueRow, 'key'>;
  revisions!: EntityTable<RevisionRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      drafts: 'id, updatedAt',
      clips: 'id, draftId, url, createdAt',
      outbox: '++seq, draftId, nextAttemptAt',
      deadLetters: '++id, draftId',
      settings: 'key',
    });
    // Version 2: revision history and kept conflicts. Every existing draft gets a first snapshot,
    // so "restore" has something to go back to for drafts written before the upgrade.
    this.version(2)
      .stores({
        revisions: '++id, draftId, [draftId+at]',
        conflicts: '++id, draftId',
      })
      .upgrade(async (tx) => {
        const at = new Date().toISOString();
        const drafts = await tx.table<Draft>('drafts').toArray();
        await tx.table<RevisionRow>('revisions').bulkAdd(drafts.map((draft) => ({ draftId: draft.id, at, reason: 'upgrade' as const, draft })));
      });
  }
}

let shared: ClipperDb | undefined;

/** The one database handle of this extension context. */
export function db(): ClipperDb {
  shared ??= new ClipperDb();
  return shared;
}
