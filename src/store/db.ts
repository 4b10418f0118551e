/**
 * The extension's IndexedDB, declared once with versioned schemas.
 * Lives in the extension's own origin: content scripts can never open it, so the token is kept here
 * (chrome.storage.local would be readable by content scripts).
 */
import { Dexie, RangeSet, type DBCore, type EntityTable, type ObservabilitySet, type Table } from 'dexie';
import type { Draft } from '../core/draft.ts';
import { quotedUrls } from '../core/quote-url.ts';
import type { SubmissionRequest } from '../core/contract.ts';
import type { SyncOpInput } from '../core/sync/ops.ts';
import type { SyncDraft } from '../core/sync/state.ts';
import { syncOutboxMiddleware } from './sync-outbox.ts';
import { draftsWithTheirClips, throughTheSchema, type ClipOfTable } from './upgrades.ts';

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
  /** The archive's reasons per field of the body (e.g. `title`, `sources.0.quotes.1`), shown at those fields. */
  fields?: { path: string; message: string }[];
  /** What was refused, under which key: a re-queue of the same body reuses the key (rows from before these were kept have neither). */
  body?: SubmissionRequest;
  idempotencyKey?: string;
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
  /** Set when the archive recorded the conflict (its id there): resolving it is sent to the archive. */
  syncId?: string;
  /** A sync conflict raised by another device's edit: `mine` is that device's value, not this one's. */
  otherDevice?: boolean;
}

/** One edit waiting for the archive, numbered per device; it leaves only when the archive acknowledged its seq. */
export interface SyncOpRow {
  seq: number;
  draftId: string;
  op: SyncOpInput;
}

/** What the device last received of a draft from the archive; `copy` is missing until the first pull after it was sent. */
export interface SyncCopyRow {
  id: string;
  copy?: SyncDraft;
}

/**
 * A stored draft row: the draft and the store's index key beside it. Read it through src/store/draft-read.ts,
 * which hands out the `Draft` alone. `quotedUrls`, the URLs of the pages its quotes come from, is derived
 * (see `withIndexKeys`) and stored only because an IndexedDB index can only reach a value of the row
 * itself: a multi-entry index takes an array of keys, and cannot follow each quote's `sourceId` to its source's URL.
 */
export type StoredDraft = Draft & { quotedUrls?: string[] };

export const DB_NAME = 'incident-clipper';

export class ClipperDb extends Dexie {
  /** Each draft with its quotes (`clips`). */
  drafts!: EntityTable<StoredDraft, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  deadLetters!: EntityTable<DeadLetterRow, 'id'>;
  settings!: EntityTable<KeyValueRow, 'key'>;
  revisions!: EntityTable<RevisionRow, 'id'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  syncOps!: EntityTable<SyncOpRow, 'seq'>;
  syncCopies!: EntityTable<SyncCopyRow, 'id'>;
  /** The sync engine's own state (`client`: id and next seq; `engine`: cursor, pause, backoff). */
  syncMeta!: EntityTable<KeyValueRow, 'key'>;

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
    // Version 3: the quotes move into their draft's row (one row per draft is what makes a 10,000-draft
    // import fast), and drafts are indexed by the pages they quote.
    this.version(3)
      .stores({ drafts: 'id, updatedAt, *quotedUrls', clips: null })
      .upgrade(async (tx) => {
        const clips = await tx.table<ClipOfTable>('clips').toArray();
        const drafts = tx.table<Draft>('drafts');
        await drafts.bulkPut(draftsWithTheirClips(await drafts.toArray(), clips, new Date().toISOString()));
      });
    // Version 4: sync. Nothing to convert: drafts stored before it are sent on the first sync.
    this.version(4).stores({ syncOps: 'seq, draftId', syncCopies: 'id', syncMeta: 'key' });
    // Version 5: every stored draft, and the draft in every revision, goes through the draft schema once
    // (repaired where it can be, see src/core/stored-draft.ts): rows written before a field existed (the
    // deployers and harmed parties came without a version) have it from now on, and no reader guards; the
    // copies earlier rows kept (each quote's draftId and URL, a failure's text beside its message) go: a
  // quote's URL is its source's from now on, also where the stored copy said otherwise.
    this.version(5)
      .stores({})
      .upgrade(async (tx) => {
        await tx.table<StoredDraft>('drafts').toCollection().modify((row, ref) => void (ref.value = throughTheSchema(row)));
        await tx.table<RevisionRow>('revisions').toCollection().modify((row) => void (row.draft = throughTheSchema(row.draft)));
      });
    this.use(quotedUrlsIndex);
    this.use(syncOutboxMiddleware);
  }
}

/** Keeps each stored draft's `quotedUrls` (the index of quoted pages) equal to its quoted sources' URLs, on every write. */
const quotedUrlsIndex = {
  stack: 'dbcore' as const,
  name: 'quotedUrls',
  create: (down: DBCore): DBCore => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (name !== 'drafts') return table;
      return {
        ...table,
        mutate: (request) =>
          table.mutate(request.type === 'add' || request.type === 'put' ? { ...request, values: request.values.map(withIndexKeys) } : request),
      };
    },
  }),
};

/** The row stored for `draft`: with the `quotedUrls` of its quotes (also for writes made with the bare IndexedDB API). Never part of a `Draft`. */
export function withIndexKeys(draft: Draft): StoredDraft {
  return { ...draft, quotedUrls: quotedUrls(draft) };
}

let shared: ClipperDb | undefined;

/** The one database handle of this extension context. */
export function db(): ClipperDb {
  shared ??= new ClipperDb();
  return shared;
}

/** Dexie's channel for "storage mutated" between an origin's pages (Dexie 4's STORAGE_MUTATED_DOM_EVENT_NAME). */
const DEXIE_MUTATIONS_CHANNEL = 'x-storagemutated-1';

/**
 * Tells every live query, in this page and in the extension's other pages, that anything in `table` may
 * have changed: needed after writes made with the bare IndexedDB API, which Dexie does not see. Posted on
 * Dexie's own channel, which Dexie in every page (this one included) hears: it then drops its cached
 * answers for the table and runs the queries again. (Dexie.on.storagemutated.fire reaches only the other
 * pages, and would leave this page's cached answers in place.)
 */
export function announceTableChanged(table: Table): void {
  const prefix = `idb://${table.db.name}/${table.name}/`;
  const everything = () => new RangeSet(-Infinity, [[[]]]);
  const parts: ObservabilitySet = { [prefix]: everything() };
  for (const index of table.schema.indexes) if (index.name) parts[prefix + index.name] = everything();
  if (typeof BroadcastChannel === 'undefined') return void Dexie.on.storagemutated.fire(parts);
  const channel = new BroadcastChannel(DEXIE_MUTATIONS_CHANNEL);
  channel.postMessage(parts);
  channel.close();
}
