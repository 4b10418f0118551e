/**
 * What a device shows: the archive's copy of each draft with the device's still-pending ops replayed on top,
 * by the same rules the archive applies. Ops the copy already reflects (their answer was lost or is late) are
 * skipped. Pending ops never get a server version, so they are numbered past the copy's own.
 */
import { applyOp } from './apply.ts';
import type { SyncOpInput } from './ops.ts';
import type { SyncDraft, SyncUser } from './state.ts';

/**
 * The device's ops that `copy` does not hold yet. An acknowledged op stays among them until a pull brings
 * its effect: until then, leaving it out would show the draft without it.
 */
export function notYetPulled<Op extends { seq: number; draftId: string }>(copy: ReadonlyMap<string, SyncDraft>, ops: readonly Op[], clientId: string): Op[] {
  return ops.filter((op) => (copy.get(op.draftId)?.applied[clientId] ?? 0) < op.seq);
}

export function rebase(copy: ReadonlyMap<string, SyncDraft>, pending: readonly SyncOpInput[], user: SyncUser, clientId: string): Map<string, SyncDraft> {
  const view = new Map(copy);
  let version = Math.max(0, ...[...copy.values()].map((draft) => draft.rev));
  for (const op of pending) {
    if ((view.get(op.draftId)?.applied[clientId] ?? 0) >= op.seq) continue; // the copy holds it already
    const outcome = applyOp(view.get(op.draftId), op, { userId: user.id, role: user.role, clientId, version: version + 1 });
    if (outcome.draft) {
      version += 1;
      view.set(outcome.draft.id, outcome.draft);
    }
  }
  return view;
}
