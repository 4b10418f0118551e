/**
 * The archive's sync store in memory, for the property test: the same engine (src/core/sync/engine.ts)
 * over maps instead of tables. A push works on a copy of what it touches and commits it whole, or nothing,
 * like the SQL transaction does.
 */
import { pull, push, type OpEnvelope, type PullPage, type PushOutcome, type StoredResult, type SyncReadTx, type SyncWriteTx } from '../../../../src/core/sync/engine.ts';
import { withReviewState } from '../../../../src/core/sync/review-state.ts';
import { visibleTo, type SyncDraft, type SyncUser } from '../../../../src/core/sync/state.ts';

export class MemoryStore {
  epoch = 'a1b2c3d4';
  version = 0;
  readonly clients = new Map<string, { userId: string; ackedThrough: number }>();
  readonly drafts = new Map<string, SyncDraft>();
  /** Every op result, keyed `clientId#seq`. */
  readonly results = new Map<string, StoredResult & { clientId: string; userId: string }>();

  async push(user: SyncUser, clientId: string, ops: OpEnvelope[]): Promise<PushOutcome> {
    const pending = { clients: new Map(this.clients), drafts: new Map<string, SyncDraft>(), results: [] as (StoredResult & { clientId: string; userId: string })[], version: this.version };
    const tx: SyncWriteTx = {
      client: async (id, userId) => {
        if (!pending.clients.has(id)) pending.clients.set(id, { userId, ackedThrough: 0 });
        return { ...pending.clients.get(id)! };
      },
      saveClient: async (id, userId, ackedThrough) => void pending.clients.set(id, { userId, ackedThrough }),
      results: async (id, from, to) => Array.from({ length: to - from + 1 }, (_, i) => this.results.get(`${id}#${from + i}`)).filter((r) => r !== undefined),
      version: async () => pending.version,
      setVersion: async (version) => void (pending.version = version),
      drafts: async (ids) => ids.flatMap((id) => (this.drafts.has(id) ? [structuredClone(this.drafts.get(id)!)] : [])),
      saveDrafts: async (drafts) => drafts.forEach((draft) => pending.drafts.set(draft.id, structuredClone(draft))),
      saveResults: async (id, userId, results) => void pending.results.push(...results.map((r) => ({ ...r, clientId: id, userId }))),
    };
    const outcome = await push(tx, user, clientId, ops);
    for (const [id, client] of pending.clients) this.clients.set(id, client);
    for (const [id, draft] of pending.drafts) this.drafts.set(id, draft);
    for (const result of pending.results) {
      const key = `${result.clientId}#${result.seq}`;
      if (this.results.has(key)) throw new Error(`op ${key} stored twice`);
      this.results.set(key, result);
    }
    this.version = pending.version;
    return outcome;
  }

  /**
   * The author sends a draft to review, as the archive's transitions route does: not a sync op, a decision
   * the archive writes under the next version, which every device then pulls.
   */
  submitForReview(user: SyncUser, draftId: string): void {
    const draft = this.drafts.get(draftId);
    if (draft?.ownerId !== user.id || draft.fields.reviewState.v !== 'draft') return;
    this.version += 1;
    this.drafts.set(draftId, withReviewState(draft, 'submitted', this.version, user.id));
  }

  pull(user: SyncUser, cursor: string | undefined, limit: number, clientId?: string): Promise<PullPage> {
    const tx: SyncReadTx = {
      meta: async () => ({ epoch: this.epoch, version: this.version }),
      changedDrafts: async (who, after, max) =>
        [...this.drafts.values()]
          .filter((draft) => draft.rev > after && visibleTo(draft, who))
          .sort((a, b) => a.rev - b.rev)
          .slice(0, max)
          .map((draft) => structuredClone(draft)),
      ackedThrough: async (id, userId) => (this.clients.get(id)?.userId === userId ? this.clients.get(id)!.ackedThrough : undefined),
    };
    return pull(tx, user, cursor, limit, clientId);
  }

  /** The drafts `user` may see, as a pull from the start returns them. */
  visible(user: SyncUser): Map<string, SyncDraft> {
    return new Map([...this.drafts].filter(([, draft]) => visibleTo(draft, user)));
  }
}
