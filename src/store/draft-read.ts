/**
 * The one read of stored drafts: every page, the worker and the store's own writes read a draft (with its
 * quotes, `draft.clips`) through here. Free of schemas and of Dexie's code on purpose: the side panel loads
 * it before anything else when it opens on a draft, and public/sidepanel/open-db.js fetches the same two
 * rows with the bare IndexedDB API and hands them to `openedDraftOf`, so the early read and the live one
 * give one shape.
 */
import type { Clip, Draft } from '../core/draft.ts';
import type { ClipperDb, ConflictRow, StoredDraft } from './db.ts';

/** An opened draft: the draft (with its quotes), its quotes, and its kept conflicts. */
export interface OpenedDraft {
  draft: Draft | undefined;
  clips: Clip[];
  conflicts: ConflictRow[];
}

/** The draft a stored row holds: the row without the store's index keys (see `StoredDraft`). */
export function draftOfRow(row: StoredDraft): Draft;
export function draftOfRow(row: StoredDraft | undefined): Draft | undefined;
export function draftOfRow(row: StoredDraft | undefined): Draft | undefined {
  if (!row) return undefined;
  const { quotedUrls: _index, ...draft } = row;
  return draft;
}

const draftsOfRows = (rows: (StoredDraft | undefined)[]): Draft[] => rows.flatMap((row) => (row ? [draftOfRow(row)] : []));

/** The opened draft made of its stored row and its conflict rows, however they were fetched. */
export function openedDraftOf(row: StoredDraft | undefined, conflicts: ConflictRow[]): OpenedDraft {
  const draft = draftOfRow(row);
  return { draft, clips: draft?.clips ?? [], conflicts };
}

export async function readDraft(store: ClipperDb, draftId: string): Promise<Draft | undefined> {
  return draftOfRow(await store.drafts.get(draftId));
}

/** The stored drafts of `ids`, in that order; ids with no draft are left out. */
export async function readDrafts(store: ClipperDb, ids: readonly string[]): Promise<Draft[]> {
  return draftsOfRows(await store.drafts.bulkGet([...ids]));
}

/** The stored drafts of `ids`, in that order, with `undefined` where there is none. */
export async function readDraftsOrNone(store: ClipperDb, ids: readonly string[]): Promise<(Draft | undefined)[]> {
  return (await store.drafts.bulkGet([...ids])).map((row) => draftOfRow(row));
}

export async function readAllDrafts(store: ClipperDb): Promise<Draft[]> {
  return draftsOfRows(await store.drafts.toArray());
}

/** Drafts edited after `updatedAt` (an ISO time). */
export async function readDraftsChangedAfter(store: ClipperDb, updatedAt: string): Promise<Draft[]> {
  return draftsOfRows(await store.drafts.where('updatedAt').above(updatedAt).toArray());
}

export async function readDraftIds(store: ClipperDb): Promise<string[]> {
  return (await store.drafts.toCollection().primaryKeys()) as string[];
}

/** For each of these archive submission ids that this device sent, the id of its draft. */
export async function readDraftSubmittedAs(store: ClipperDb, submissionIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(submissionIds);
  const rows = await store.drafts.filter((row) => row.submission?.submissionId !== undefined && wanted.has(row.submission.submissionId)).toArray();
  return new Map(rows.map((row) => [row.submission!.submissionId!, row.id]));
}

/** The `limit` most recently edited drafts, newest first. */
export async function readRecentDrafts(store: ClipperDb, limit: number): Promise<Draft[]> {
  return draftsOfRows(await store.drafts.orderBy('updatedAt').reverse().limit(limit).toArray());
}

/** Drafts that quote a page at one of these canonical URLs (each once). */
export async function readDraftsQuoting(store: ClipperDb, urls: readonly string[]): Promise<Draft[]> {
  return draftsOfRows(await store.drafts.where('quotedUrls').anyOf([...new Set(urls)]).distinct().toArray());
}

export async function readConflicts(store: ClipperDb, draftId: string): Promise<ConflictRow[]> {
  return store.conflicts.where({ draftId }).toArray();
}

/** What the editor shows of one draft: the draft (with its quotes) by its key, its conflicts by their index. */
export async function readOpenedDraft(store: ClipperDb, draftId: string): Promise<OpenedDraft> {
  const [row, conflicts] = await Promise.all([store.drafts.get(draftId), readConflicts(store, draftId)]);
  return openedDraftOf(row, conflicts);
}
