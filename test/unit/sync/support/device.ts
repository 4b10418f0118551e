/**
 * A device in the property test: an outbox of ops with its own seqs, the archive's copy of each draft
 * (from pulls), and the view the person edits (the copy with the pending ops replayed on top). Edits are
 * random but each carries unique markers, so the test can find every op's effect in the end.
 */
import type { PushOutcome } from '../../../../src/core/sync/engine.ts';
import type { OpBody, OpResult, SyncOpInput } from '../../../../src/core/sync/ops.ts';
import { notYetPulled, rebase } from '../../../../src/core/sync/rebase.ts';
import { openConflicts, type SyncDraft, type SyncUser } from '../../../../src/core/sync/state.ts';
import { tokenize } from '../../../../src/core/text-merge.ts';
import type { MemoryStore } from './memory-store.ts';

export type Random = () => number;
const pick = <T>(items: readonly T[], random: Random): T | undefined => items[Math.floor(random() * items.length)];

/** What each op was meant to do, for the final checks. */
export interface Intent {
  clientId: string;
  seq: number;
  kind: 'create' | 'title' | 'severity' | 'tagAdd' | 'tagRemove' | 'textInsert' | 'textDelete' | 'sourceAdd' | 'sourceEdit' | 'sourceRemove' | 'quoteAdd' | 'quoteEdit' | 'resolve' | 'invalid';
  draftId: string;
  marker?: string;
}

export class Device {
  seq = 0;
  outbox: SyncOpInput[] = [];
  /** Acknowledged ops (not rejected) whose effect no pull has brought yet. */
  sent: SyncOpInput[] = [];
  copy = new Map<string, SyncDraft>();
  view = new Map<string, SyncDraft>();
  cursor: string | undefined;
  readonly statuses = new Map<number, OpResult>();
  readonly intents: Intent[] = [];
  private made = 0;

  constructor(
    readonly clientId: string,
    readonly tag: string,
    readonly user: SyncUser,
    readonly store: MemoryStore,
  ) {}

  private marker(): string {
    this.made += 1;
    return `${this.tag}${this.made}`;
  }

  private uuid(): string {
    this.made += 1;
    return `${this.clientId.slice(0, 8)}-0000-4000-8000-${this.made.toString(16).padStart(12, '0')}`;
  }

  private add(op: OpBody, intent: Omit<Intent, 'clientId' | 'seq' | 'draftId'>): void {
    this.seq += 1;
    const full = { ...op, seq: this.seq, opId: this.uuid() } as SyncOpInput;
    this.outbox.push(full);
    this.intents.push({ ...intent, clientId: this.clientId, seq: this.seq, draftId: full.draftId });
    this.view = rebase(this.view, [full], this.user, this.clientId);
  }

  create(title: string): void {
    this.add({ type: 'create', draftId: this.uuid(), title, texts: { summary: 'It began. It went on. It ended. ' } }, { kind: 'create' });
  }

  /** One random edit of what this device shows (a reviewer's device only reads). */
  edit(random: Random): void {
    if (this.user.role === 'reviewer') return;
    const drafts = [...this.view.values()].sort((a, b) => a.id.localeCompare(b.id));
    const draft = pick(drafts, random);
    if (!draft || random() < 0.02) {
      const marker = this.marker();
      return this.add({ type: 'create', draftId: this.uuid(), title: `T${marker}`, texts: { summary: `S${marker}. ` }, lists: { tags: [`g${marker}`] } }, { kind: 'create', marker });
    }
    const draftId = draft.id;
    const baseRev = this.copy.get(draftId)?.rev ?? 0;
    const marker = this.marker();
    const sources = Object.values(draft.sources).filter((row) => !row.deleted);
    const quotes = Object.values(draft.quotes).filter((row) => !row.deleted && !draft.sources[String(row.fields.sourceId?.v)]?.deleted);
    const roll = random();
    if (roll < 0.12) return this.add({ type: 'set', draftId, field: 'title', value: `T${marker}`, baseRev, base: draft.fields.title.v }, { kind: 'title', marker });
    // Sending to review is the archive's transitions route, taken online; the devices learn of it by pulling.
    if (roll < 0.13 && draft.fields.reviewState.v === 'draft') return this.store.submitForReview(this.user, draftId);
    if (roll < 0.2) return this.add({ type: 'set', draftId, field: 'severity', value: pick(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'], random), baseRev, base: draft.fields.severity.v }, { kind: 'severity' });
    if (roll < 0.3) return this.add({ type: 'list', draftId, field: 'tags', add: [`g${marker}`] }, { kind: 'tagAdd', marker: `g${marker}` });
    if (roll < 0.36) {
      const tag = pick(draft.lists.tags, random);
      if (tag) return this.add({ type: 'list', draftId, field: 'tags', remove: [tag] }, { kind: 'tagRemove', marker: tag });
    }
    if (roll < 0.58) {
      const field = pick(['summary', 'notes'] as const, random)!;
      const base = String(draft.texts[field].v);
      const tokens = tokenize(base);
      const at = Math.floor(random() * (tokens.length + 1));
      if (random() < 0.75 || tokens.length === 0) {
        const value = [...tokens.slice(0, at), `S${marker}. `, ...tokens.slice(at)].join('');
        return this.add({ type: 'text', draftId, field, base, value }, { kind: 'textInsert', marker: `S${marker}. ` });
      }
      const gone = tokens[Math.min(at, tokens.length - 1)]!;
      return this.add({ type: 'text', draftId, field, base, value: tokens.filter((token) => token !== gone).join('') }, { kind: 'textDelete', marker: gone });
    }
    if (roll < 0.66 || sources.length === 0) {
      const url = `https://news.example/${marker}`;
      return this.add(
        { type: 'putSource', draftId, sourceId: this.uuid(), values: { url, originalUrl: url, title: marker, accessedAt: '2026-01-01T00:00:00Z' }, baseRev },
        { kind: 'sourceAdd', marker },
      );
    }
    const source = pick(sources, random)!;
    if (roll < 0.72) return this.add({ type: 'putSource', draftId, sourceId: source.id, values: { publisher: `P${marker}` }, baseRev, base: { publisher: source.fields.publisher?.v ?? null } }, { kind: 'sourceEdit', marker: `P${marker}` });
    if (roll < 0.76) return this.add({ type: 'removeSource', draftId, sourceId: source.id, baseRev }, { kind: 'sourceRemove' });
    if (roll < 0.82 || quotes.length === 0) {
      const quote = `Q${marker}`;
      const values = { sourceId: source.id, quote, selectors: { quote: { type: 'TextQuoteSelector' as const, exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 0, end: quote.length } }, createdAt: '2026-01-01T00:00:00Z' };
      return this.add({ type: 'putQuote', draftId, quoteId: this.uuid(), values, baseRev }, { kind: 'quoteAdd', marker: quote });
    }
    const quote = pick(quotes, random)!;
    if (roll < 0.88) return this.add({ type: 'putQuote', draftId, quoteId: quote.id, values: { note: `N${marker}` }, baseRev, base: { note: quote.fields.note?.v ?? null } }, { kind: 'quoteEdit', marker: `N${marker}` });
    const conflict = pick(openConflicts(draft), random);
    if (conflict && roll < 0.97) {
      if (conflict.kind === 'row_deleted') return this.add({ type: 'resolve', draftId, conflictId: conflict.id, restore: random() < 0.5 }, { kind: 'resolve' });
      if (conflict.kind === 'text') {
        const current = String(draft.texts[conflict.path as 'summary'].v);
        return this.add({ type: 'resolve', draftId, conflictId: conflict.id, value: current, base: current }, { kind: 'resolve' });
      }
      const shown = conflict.path in draft.fields ? { base: draft.fields[conflict.path as 'title'].v } : {};
      return this.add({ type: 'resolve', draftId, conflictId: conflict.id, value: conflict.ours, baseRev, ...shown }, { kind: 'resolve' });
    }
    return this.add({ type: 'set', draftId, field: 'severity', value: 'SEV-9', baseRev }, { kind: 'invalid' });
  }

  /** The ops a push sends: the oldest `batch` of the outbox. */
  request(batch: number): SyncOpInput[] {
    return this.outbox.slice(0, batch);
  }

  send(ops: SyncOpInput[]): Promise<PushOutcome> {
    return this.store.push(this.user, this.clientId, ops);
  }

  /** A push's answer: results are recorded (a replayed one must equal the first), acknowledged ops leave the outbox. */
  receive(outcome: PushOutcome): void {
    if (outcome.kind !== 'done') throw new Error(`push refused: ${JSON.stringify(outcome)}`);
    for (const result of outcome.results) {
      const earlier = this.statuses.get(result.seq);
      if (earlier && JSON.stringify(earlier) !== JSON.stringify(result)) throw new Error(`seq ${result.seq} answered ${JSON.stringify(result)} after ${JSON.stringify(earlier)}`);
      this.statuses.set(result.seq, result);
    }
    const acked = this.outbox.filter((op) => op.seq <= outcome.ackedThrough);
    this.sent.push(...acked.filter((op) => this.statuses.get(op.seq)?.status !== 'rejected'));
    this.outbox = this.outbox.filter((op) => op.seq > outcome.ackedThrough);
    this.refresh();
  }

  /** The view: the copy with every op it does not hold yet replayed on top. */
  private refresh(): void {
    this.sent = notYetPulled(this.copy, this.sent, this.clientId);
    this.view = rebase(this.copy, [...this.sent, ...this.outbox], this.user, this.clientId);
  }

  /** A worker killed mid-push starts again from what it stored: outbox, copy and cursor; the view is rebuilt. */
  restart(): void {
    this.refresh();
  }

  /** One page of changes; true when more are waiting. */
  async pullPage(limit: number): Promise<boolean> {
    const page = await this.store.pull(this.user, this.cursor, limit, this.clientId);
    if (page.reset) throw new Error('unexpected reset');
    for (const draft of page.drafts) this.copy.set(draft.id, draft);
    this.cursor = page.cursor;
    this.refresh();
    return page.hasMore;
  }
}
