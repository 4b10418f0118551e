/**
 * A draft arriving from the archive: kept as the archive's copy, then shown as that copy with this device's
 * still-pending ops replayed on top (the same rules the archive applies), written to the draft the editor
 * reads. Its open conflicts become rows of the editor's conflict panel.
 */
import { Draft as DraftSchema, type Draft } from '../core/draft.ts';
import { draftFromSync, opsForEdit } from '../core/sync/draft-ops.ts';
import { sameValue } from '../core/sync/edit.ts';
import { rebase } from '../core/sync/rebase.ts';
import { openConflicts, type Conflict, type SyncDraft, type SyncUser } from '../core/sync/state.ts';
import type { ClipperDb, ConflictRow } from '../store/db.ts';
import { readDraft } from '../store/draft-read.ts';
import { addDraft, changeDraft } from '../store/draft-write.ts';
import { queueOps, withoutOps } from '../store/sync-outbox.ts';

export interface ReceiveContext {
  store: ClipperDb;
  user: SyncUser;
  clientId: string;
  now: string;
  /** After the archive lost ops (restored from a backup): the device's draft stays, and what differs is sent again. */
  recovering: boolean;
}

export async function receiveDraft(copy: SyncDraft, { store, user, clientId, now, recovering }: ReceiveContext): Promise<void> {
  await store.transaction('rw', [store.drafts, store.syncOps, store.syncCopies, store.syncMeta, store.conflicts, store.revisions], async () => {
    withoutOps();
    await store.syncCopies.put({ id: copy.id, copy });
    const local = await readDraft(store, copy.id);
    const pending = (await store.syncOps.where('draftId').equals(copy.id).sortBy('seq')).map((row) => row.op);
    const view = rebase(new Map([[copy.id, copy]]), pending, user, clientId).get(copy.id) ?? copy;
    const shown = DraftSchema.safeParse(draftFromSync(view, local, now));
    if (!shown.success) {
      console.warn('sync: the archive sent a draft this device cannot show; keeping the local one', copy.id, shown.error.issues[0]);
      return;
    }
    if (recovering && local) {
      await queueOps(store, opsForEdit(shown.data, local, copy.rev));
    } else if (!local) {
      await addDraft(store, { ...shown.data, updatedAt: now });
    } else if (!sameDraft(local, shown.data)) {
      await changeDraft(store, copy.id, () => ({ ...shown.data, updatedAt: now }), { revision: { reason: 'import', at: now } });
    }
    await showConflicts(store, copy.id, openConflicts(view), now, clientId);
  });
}

/** Equal for the person: every field but the time of the last edit. */
function sameDraft(a: Draft, b: Draft): boolean {
  const { updatedAt: _a, ...left } = a;
  const { updatedAt: _b, ...right } = b;
  return sameValue(left, right);
}

/** The conflict panel names a source field `source.<id>.<field>`; the archive writes `source:<id>.<field>`. */
const panelPath = (path: string) => path.replace(/^source:([^.]+)\./, 'source.$1.');

async function showConflicts(store: ClipperDb, draftId: string, open: Conflict[], now: string, clientId: string): Promise<void> {
  const rows = await store.conflicts.where({ draftId }).toArray();
  const openIds = new Set(open.map((conflict) => conflict.id));
  const shown = new Set(rows.flatMap((row) => (row.syncId ? [row.syncId] : [])));
  const gone = rows.filter((row) => row.syncId && !openIds.has(row.syncId)).map((row) => row.id!);
  if (gone.length > 0) await store.conflicts.bulkDelete(gone);
  const fresh: ConflictRow[] = open
    .filter((conflict) => !shown.has(conflict.id))
    .map((conflict) => ({
      draftId, field: panelPath(conflict.path), mine: conflict.ours, theirs: conflict.theirs, at: now, syncId: conflict.id,
      ...(conflict.clientId === clientId ? {} : { otherDevice: true }),
    }));
  if (fresh.length > 0) await store.conflicts.bulkAdd(fresh);
}
