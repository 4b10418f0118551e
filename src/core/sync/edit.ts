/**
 * One op's edit in progress on a copy of a draft: the register rules every kind of op shares.
 * A value applies when its register is unchanged since the op's base revision, or was last changed by the
 * same device (its own earlier op, which this one was made on top of); an equal value is never a conflict.
 */
import { mergeText } from '../text-merge.ts';
import type { OpStatus } from './ops.ts';
import type { Conflict, Register, SyncDraft } from './state.ts';

export interface ApplyContext {
  userId: string;
  role: 'editor' | 'reviewer';
  clientId: string;
  /** The version this op's change gets if it changes anything. */
  version: number;
}

export class Rejected extends Error {}

const RANK: Record<OpStatus, number> = { applied: 0, merged: 1, conflict: 2, rejected: 3 };

export class Edit {
  changed = false;
  status: OpStatus = 'applied';
  private conflictCount = 0;

  constructor(
    readonly draft: SyncDraft,
    readonly ctx: ApplyContext,
    readonly seq: number,
  ) {}

  note(status: OpStatus): void {
    if (RANK[status] > RANK[this.status]) this.status = status;
  }

  register(value: unknown): Register {
    this.changed = true;
    return { v: value, rev: this.ctx.version, by: this.ctx.clientId };
  }

  conflict(fields: Pick<Conflict, 'kind' | 'path' | 'ours' | 'theirs'> & { base?: unknown }): void {
    this.conflictCount += 1;
    this.draft.conflicts.push({
      id: `${this.ctx.clientId}/${this.seq}/${this.conflictCount}`,
      ...fields,
      userId: this.ctx.userId,
      clientId: this.ctx.clientId,
      seq: this.seq,
      rev: this.ctx.version,
    });
    this.changed = true;
    this.note('conflict');
  }

  /**
   * A single value edited from `baseRev` (and, when the device sent it, from the value `base` it showed):
   * the new register, or the old one (equal, or kept with a conflict).
   */
  set(path: string, current: Register | undefined, value: unknown, baseRev: number, base?: { v: unknown }): Register {
    if (current && sameValue(current.v, value)) return current;
    const unchanged = !current || current.rev <= baseRev || current.by === this.ctx.clientId || (base !== undefined && sameValue(current.v, base.v));
    if (unchanged) return this.register(value);
    this.conflict({ kind: 'field', path, ours: value, theirs: current.v });
    return current;
  }

  /** A long text edited from `base`: applied, merged three-way, or kept as the server's with a conflict. */
  text(path: string, current: Register, base: string, value: string, limit: number): Register {
    if (value.length > limit) throw new Rejected(`too_long: ${path} holds at most ${limit} characters`);
    const theirs = typeof current.v === 'string' ? current.v : '';
    if (theirs === value) return current;
    if (theirs === base) return this.register(value);
    const merged = mergeText(base, value, theirs);
    if (merged !== undefined && merged.length <= limit) {
      this.note('merged');
      return merged === theirs ? current : this.register(merged);
    }
    this.conflict({ kind: 'text', path, base, ours: value, theirs });
    return current;
  }
}

/** Values compare by content (JSON); a missing value and null are the same. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
