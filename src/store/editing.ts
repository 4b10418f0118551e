/**
 * The editor's writes. Field edits are merged against the stored draft (src/workspace/field-merge.ts):
 * a field changed underneath the editor becomes a kept conflict, never a silent overwrite.
 * Every write is one Dexie transaction together with its revision snapshot.
 */
import { Clip as ClipSchema, type Clip, type Draft, type Source } from '../core/draft.ts';
import { systemClock, type Clock } from '../core/clip-ops.ts';
import { canonicalizeUrl } from '../core/url.ts';
import { mergeEdits, type FieldConflict, type FieldEdit, type InvalidEdit } from '../workspace/field-merge.ts';
import { readField, type FieldPath } from '../workspace/field-paths.ts';
import { newNote } from '../workspace/note.ts';
import { db, type ClipperDb, type ConflictRow } from './db.ts';
import { readConflicts } from './draft-read.ts';
import { addDraft, changeDraft, DraftNotFoundError } from './draft-write.ts';
import { queueOps } from './sync-outbox.ts';

export interface SaveResult {
  draft: Draft;
  applied: FieldPath[];
  /** Of `applied`: text fields where another editor's change was merged with this one. */
  merged: FieldPath[];
  conflicts: FieldConflict[];
  invalid: InvalidEdit[];
}

/** Saves field edits; conflicting ones are stored in `conflicts` with both values. */
export async function saveFieldEdits(draftId: string, edits: FieldEdit[], store: ClipperDb = db(), clock: Clock = systemClock): Promise<SaveResult> {
  return store.transaction('rw', store.drafts, store.revisions, store.conflicts, async () => {
    const now = clock.now();
    let merged: ReturnType<typeof mergeEdits> | undefined;
    const draft = await changeDraft(
      store,
      draftId,
      (stored) => {
        merged = mergeEdits(stored, edits);
        return merged.draft === stored ? stored : { ...merged.draft, updatedAt: now };
      },
      { revision: { reason: 'edit', at: now } },
    );
    if (!merged) throw new DraftNotFoundError(draftId);
    for (const conflict of merged.conflicts) {
      await store.conflicts.where({ draftId }).filter((row) => row.field === conflict.path).delete();
      await store.conflicts.add({ draftId, field: conflict.path, mine: conflict.mine, theirs: conflict.theirs, at: now });
    }
    return { draft, applied: merged.applied, merged: merged.merged, conflicts: merged.conflicts, invalid: merged.invalid };
  });
}

export async function conflictsOf(draftId: string, store: ClipperDb = db()): Promise<ConflictRow[]> {
  return readConflicts(store, draftId);
}

/**
 * Settles a conflict with the chosen value, written over whatever is stored now. A conflict the archive
 * recorded is settled there too: the chosen value travels as an edit, then the conflict is closed.
 */
export async function resolveConflict(conflictId: number, keep: 'mine' | 'theirs', store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return store.transaction('rw', [store.drafts, store.revisions, store.conflicts, store.syncOps, store.syncMeta, store.syncCopies], async () => {
    const conflict = await store.conflicts.get(conflictId);
    if (!conflict) throw new Error('This conflict was already resolved.');
    await store.conflicts.delete(conflictId);
    const now = clock.now();
    const path = conflict.field as FieldPath;
    const saved = await changeDraft(
      store,
      conflict.draftId,
      // Kept 'theirs': the stored value stays, and nothing is written.
      (stored) => (keep === 'mine' ? { ...mergeEdits(stored, [{ path, base: readField(stored, path), value: conflict.mine }]).draft, updatedAt: now } : stored),
      { revision: { reason: 'conflict', at: now, force: true } },
    );
    if (conflict.syncId) {
      const baseRev = (await store.syncCopies.get(conflict.draftId))?.copy?.rev ?? 0;
      await queueOps(store, [{ type: 'resolve', draftId: conflict.draftId, conflictId: conflict.syncId, baseRev }]);
    }
    return saved;
  });
}

/** Starts an offline note: a draft with no page and no clip. */
export async function createNote(title = '', store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return addDraft(store, newNote(clock, title));
}

/** Adds a source typed in by hand (e.g. a note becoming a draft). */
export async function addSource(draftId: string, url: string, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Source> {
  const now = clock.now();
  const source: Source = { id: clock.uuid(), url: canonicalizeUrl(url), originalUrl: url, title: '', authors: [], provenance: {}, accessedAt: now };
  const draft = await changeDraft(store, draftId, (stored) => ({ ...stored, sources: [...stored.sources, source], updatedAt: now }), { revision: { reason: 'edit', at: now } });
  return draft.sources[draft.sources.length - 1]!;
}

/** Removes a source and its quotes; the previous state stays in the revision history. */
export async function removeSource(draftId: string, sourceId: string, store: ClipperDb = db(), clock: Clock = systemClock): Promise<void> {
  const now = clock.now();
  await changeDraft(
    store,
    draftId,
    (stored) => ({ ...stored, sources: stored.sources.filter((source) => source.id !== sourceId), clips: stored.clips.filter((clip) => clip.sourceId !== sourceId), updatedAt: now }),
    { revision: { reason: 'edit', at: now, force: true } },
  );
}

/** A quote typed in by hand for a source (no page selection: its selectors hold only the quote). */
export async function addQuote(draftId: string, sourceId: string, quote: string, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Clip> {
  let clip: Clip | undefined;
  await changeDraft(store, draftId, (stored) => {
    const source = stored.sources.find((candidate) => candidate.id === sourceId);
    if (!source) throw new DraftNotFoundError(draftId);
    const exact = quote.trim();
    clip = ClipSchema.parse({
      id: clock.uuid(),
      sourceId,
      quote: exact,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 0 },
      },
      note: '',
      createdAt: clock.now(),
    });
    return { ...stored, clips: [...stored.clips, clip], updatedAt: clock.now() };
  });
  return clip!;
}
