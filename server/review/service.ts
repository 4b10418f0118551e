/**
 * Review decisions as database transactions. Each one first locks the sync version counter (as a sync push
 * does), so review changes and pushes commit one after another, every change gets the next version, and the
 * author's devices pull the new state like any other change. The clock is the server's, injected for tests.
 */
import type { ReviewState } from '../../src/core/draft.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Database, Queryable } from '../db/index.ts';
import { ApiProblem } from '../errors.ts';
import { publishEntry } from './publish.ts';
import { factsOf, visibleDraft, type DraftRow } from './rows.ts';
import { checkRequirements, factsOfDraft, requirementsOf } from './requirements.ts';
import { checkTransition, type Actor } from './rules.ts';
import type { LastReview, ReviewEvent } from './wire.ts';
import { ARCHIVE_CLIENT, withReviewState } from '../../src/core/sync/review-state.ts';

export const DEFAULT_LEASE_MS = 30 * 60_000;

export interface ReviewOptions {
  clock: () => Date;
  leaseMs?: number;
}

type Action = ReviewEvent['action'];
interface EventRow {
  draft_id: string;
  action: Action;
  actor_id: string;
  from_state: ReviewState;
  to_state: ReviewState;
  decided_on: string;
  new_version: string;
  reason: string | null;
  at: Date;
  published_id: string | null;
}

const EVENT_COLUMNS = `e.draft_id, e.action, e.actor_id, e.from_state, e.to_state, e.decided_on, e.new_version, e.reason, e.at,
  case when e.to_state = 'published' then d.published_id end as published_id`;

export function toEvent(row: EventRow): ReviewEvent {
  return {
    draftId: row.draft_id,
    action: row.action,
    by: row.actor_id,
    from: row.from_state,
    to: row.to_state,
    decidedOn: Number(row.decided_on),
    revision: Number(row.new_version),
    reason: row.reason,
    at: new Date(row.at).toISOString(),
    publishedId: row.published_id,
  };
}

/** Decisions whose draft is kept, so the next review can show what changed since. */
const DECISIONS: readonly ReviewState[] = ['changes_requested', 'approved', 'rejected'];

/** The latest decision and the draft it was made on, or null before the first. */
export async function lastReviewOf(db: Queryable, draftId: string): Promise<LastReview | null> {
  const [row] = await db.query<EventRow & { reviewed_state: SyncDraft }>(
    `select ${EVENT_COLUMNS}, e.reviewed_state from review_events e join sync_drafts d on d.id = e.draft_id
     where e.draft_id = $1 and e.reviewed_state is not null order by e.id desc limit 1`,
    [draftId],
  );
  return row ? { event: toEvent(row), draft: row.reviewed_state } : null;
}

export async function eventsOf(db: Queryable, draftId: string): Promise<ReviewEvent[]> {
  const rows = await db.query<EventRow>(`select ${EVENT_COLUMNS} from review_events e join sync_drafts d on d.id = e.draft_id where e.draft_id = $1 order by e.id`, [draftId]);
  return rows.map(toEvent);
}

/** The sync version counter, locked until commit. */
export async function lockVersion(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ version: string }>('select version from sync_meta for update');
  return Number(row!.version);
}

export class ReviewService {
  private readonly leaseMs: number;

  constructor(
    private readonly db: Database,
    private readonly options: ReviewOptions,
  ) {
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  }

  now(): Date {
    return this.options.clock();
  }

  /**
   * A reviewer's claim: one conditional UPDATE decides it, so of two concurrent claims one wins and the other
   * is told who holds it. The claimant may renew; anyone may take over a lease that has run out.
   */
  async claim(actor: Actor, draftId: string, revision: number): Promise<ReviewEvent> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const version = (await lockVersion(tx)) + 1;
      const expires = new Date(now.getTime() + this.leaseMs);
      const state = (v: string) => `jsonb_set(jsonb_set(jsonb_set(d.state, '{fields,reviewState}', jsonb_build_object('v', ${v}, 'rev', $5::bigint, 'by', '${ARCHIVE_CLIENT}')), '{rev}', to_jsonb($5::bigint)), '{updatedBy}', to_jsonb($2::text))`;
      const [won] = await tx.query<{ before: ReviewState }>(
        `update sync_drafts d set claimed_by = $2, claimed_at = $3, claim_expires_at = $4, review_state = 'in_review', version = $5,
           updated_by = $2, updated_at = $3, state = ${state("'in_review'")}
         from (select id, review_state as before from sync_drafts where id = $1) o
         where d.id = o.id and d.owner_id <> $2
           and ((d.review_state = 'submitted' and d.version = $6)
             or (d.review_state = 'in_review' and ((d.claimed_by = $2 and d.claim_expires_at > $3) or (d.claim_expires_at <= $3 and d.version = $6))))
         returning o.before`,
        [draftId, actor.id, now, expires, version, revision],
      );
      if (!won) await this.explainRefusedClaim(tx, actor, draftId, revision, now);
      await tx.query('update sync_meta set version = $1', [version]);
      return recordEvent(tx, { draftId, actor, action: 'claim', from: won!.before, to: 'in_review', decidedOn: revision, version, reason: null, now });
    });
  }

  private async explainRefusedClaim(tx: Queryable, actor: Actor, draftId: string, revision: number, now: Date): Promise<never> {
    const row = await visibleDraft(tx, actor, draftId);
    const facts = factsOf(row, now);
    if (row.owner_id === actor.id) throw new ApiProblem(403, 'forbidden', 'You cannot review your own draft.');
    if (row.review_state === 'in_review' && facts.claim?.live) {
      const until = new Date(row.claim_expires_at!).toISOString();
      throw new ApiProblem(409, 'already_claimed', `${row.claimant_name} is reviewing this draft (claimed until ${until}).`, [{ path: 'claim', message: `Held by ${row.claimant_name}.` }]);
    }
    if (row.review_state !== 'submitted' && row.review_state !== 'in_review') {
      throw new ApiProblem(409, 'invalid_transition', `A draft that is ${row.review_state} cannot be claimed.`, [{ path: 'to', message: `Not allowed from ${row.review_state}.` }]);
    }
    throw stale(row, revision);
  }

  /** The claimant gives the draft back to the queue. */
  async release(actor: Actor, draftId: string, revision: number): Promise<ReviewEvent> {
    return this.move(actor, draftId, revision, 'submitted', 'release', null, (row) => {
      if (row.review_state !== 'in_review' || row.claimed_by !== actor.id) {
        throw new ApiProblem(409, 'not_claimed', 'You do not hold a claim on this draft.', [{ path: 'claim', message: 'Not yours.' }]);
      }
    });
  }

  async transition(actor: Actor, draftId: string, to: ReviewState, revision: number, reason: string | undefined): Promise<ReviewEvent> {
    const required = to === 'submitted' ? await requirementsOf(this.db) : [];
    return this.move(actor, draftId, revision, to, 'transition', reason ?? null, async (row, tx, now) => {
      checkTransition(factsOf(row, now), to, actor, reason);
      if (to === 'changes_requested') await requireOpenComment(tx, row, actor);
      if (to === 'submitted') checkRequirements(required, factsOfDraft(row.state));
      if (to === 'rejected') await rejectSubmissions(tx, row, actor, reason!, now);
    });
  }

  private async move(
    actor: Actor,
    draftId: string,
    revision: number,
    to: ReviewState,
    action: Action,
    reason: string | null,
    check: (row: DraftRow & { state: SyncDraft }, tx: Queryable, now: Date) => void | Promise<void>,
  ): Promise<ReviewEvent> {
    const now = this.now();
    return this.db.transaction(async (tx) => {
      const current = await lockVersion(tx);
      const row = await visibleDraft(tx, actor, draftId, true);
      const replayed = await replayOf(tx, actor, row, action, to, revision);
      if (replayed) return replayed;
      if (Number(row.version) !== revision) throw stale(row, revision);
      await check(row, tx, now);
      const version = current + 1;
      const publishedId = to === 'published' ? await publishEntry(tx, row, actor, now) : null;
      await saveMove(tx, row, to, version, actor, now, action, publishedId);
      const reviewed = action === 'transition' && DECISIONS.includes(to) ? row.state : null;
      return recordEvent(tx, { draftId, actor, action, from: row.review_state, to, decidedOn: revision, version, reason, now, reviewed });
    });
  }
}

/** Writes the draft's new review state (and the version devices pull it by); `version` is the counter's next value. */
export async function saveMove(tx: Queryable, row: DraftRow & { state: SyncDraft }, to: ReviewState, version: number, actor: Actor, now: Date, action: Action, publishedId: string | null): Promise<void> {
  await tx.query(
    `update sync_drafts set review_state = $2, version = $3, updated_by = $4, updated_at = $5, state = $6,
       claimed_by = case when $2 = 'approved' then claimed_by end,
       claimed_at = case when $2 = 'approved' then claimed_at end,
       claim_expires_at = case when $2 = 'approved' then claim_expires_at end,
       submitted_at = case when $2 = 'submitted' and $7 = 'transition' then $5 else submitted_at end,
       published_id = coalesce($8, published_id)
     where id = $1`,
    [row.id, to, version, actor.id, now, JSON.stringify(withReviewState(row.state, to, version, actor.id)), action, publishedId],
  );
  await tx.query('update sync_meta set version = $1', [version]);
}

export async function recordEvent(
  tx: Queryable,
  e: { draftId: string; actor: Actor; action: Action; from: ReviewState; to: ReviewState; decidedOn: number; version: number; reason: string | null; now: Date; reviewed?: SyncDraft | null },
): Promise<ReviewEvent> {
  const [row] = await tx.query<EventRow>(
    `with e as (
       insert into review_events (draft_id, actor_id, action, from_state, to_state, decided_on, new_version, reason, at, reviewed_state)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning *
     ) select ${EVENT_COLUMNS} from e join sync_drafts d on d.id = e.draft_id`,
    [e.draftId, e.actor.id, e.action, e.from, e.to, e.decidedOn, e.version, e.reason, e.now, e.reviewed ? JSON.stringify(e.reviewed) : null],
  );
  return toEvent(row!);
}

/**
 * The same request sent again gets the answer it got the first time: the event this actor recorded for this
 * move on this revision, or (a retry made on a newer copy) the move that put the draft where it already is.
 */
async function replayOf(tx: Queryable, actor: Actor, row: DraftRow, action: Action, to: ReviewState, revision: number): Promise<ReviewEvent | undefined> {
  const [exact] = await tx.query<EventRow>(
    `select ${EVENT_COLUMNS} from review_events e join sync_drafts d on d.id = e.draft_id
     where e.draft_id = $1 and e.actor_id = $2 and e.action = $3 and e.to_state = $4 and e.decided_on = $5 order by e.id desc limit 1`,
    [row.id, actor.id, action, to, revision],
  );
  if (exact) return toEvent(exact);
  if (row.review_state !== to) return undefined;
  const [last] = await tx.query<EventRow>(
    `select ${EVENT_COLUMNS} from review_events e join sync_drafts d on d.id = e.draft_id where e.draft_id = $1 order by e.id desc limit 1`,
    [row.id],
  );
  return last && last.action === action && last.to_state === to && (last.actor_id === actor.id || to === 'published') ? toEvent(last) : undefined;
}

function stale(row: DraftRow, revision: number): ApiProblem {
  return new ApiProblem(409, 'stale_revision', `The draft changed since revision ${revision}; it is now at revision ${row.version} (${row.review_state}). Read it again and decide on what it says now.`, [
    { path: 'revision', message: `Current revision: ${row.version}.` },
  ]);
}

/** Changes are requested with at least one open comment of the claimant's saying what to change. */
async function requireOpenComment(tx: Queryable, row: DraftRow, actor: Actor): Promise<void> {
  const [found] = await tx.query('select 1 from review_comments where draft_id = $1 and author_id = $2 and resolved_at is null limit 1', [row.id, actor.id]);
  if (!found) throw new ApiProblem(409, 'comment_required', 'Say what to change: add a comment before requesting changes.', [{ path: 'to', message: 'Needs an open comment of yours.' }]);
}

/** A rejected draft's pending submission is rejected with it, so its author may send the draft again (`POST /v1/submissions`). */
async function rejectSubmissions(tx: Queryable, row: DraftRow, reviewer: Actor, reason: string, now: Date): Promise<void> {
  await tx.query(
    `update submissions set status = 'rejected', reviewed_by = $2, reviewed_at = $3, review_comment = $4 where draft_id = $1 and status = 'received'`,
    [row.id, reviewer.id, now, reason],
  );
}
