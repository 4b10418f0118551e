/** Reading a synced draft's review columns, and who may see it. */
import type { ReviewState } from '../../src/core/draft.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import { ApiProblem } from '../errors.ts';
import type { Actor, ReviewFacts } from './rules.ts';
import type { ReviewStatus } from './wire.ts';

export interface DraftRow {
  id: string;
  owner_id: string;
  review_state: ReviewState;
  version: string;
  title: string | null;
  claimed_by: string | null;
  claimant_name: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  submitted_at: Date | null;
  updated_at: Date;
  published_id: string | null;
  open_comments: number;
}

export const STATUS_COLUMNS = `d.id, d.owner_id, d.review_state, d.version, d.state->'fields'->'title'->>'v' as title,
  d.claimed_by, u.name as claimant_name, d.claimed_at, d.claim_expires_at, d.submitted_at, d.updated_at, d.published_id,
  (select count(*)::int from review_comments c where c.draft_id = d.id and c.resolved_at is null) as open_comments`;
export const STATUS_FROM = 'sync_drafts d left join users u on u.id = d.claimed_by';

/** The draft as `actor` may see it (its author; reviewers once it left the draft state), or 404 for anyone else. */
export async function visibleDraft(db: Queryable, actor: Actor, draftId: string, lock = false): Promise<DraftRow & { state: SyncDraft }> {
  const [row] = await db.query<DraftRow & { state: SyncDraft }>(
    `select ${STATUS_COLUMNS}, d.state from ${STATUS_FROM} where d.id = $1${lock ? ' for update of d' : ''}`,
    [draftId],
  );
  if (!row || !(row.owner_id === actor.id || (actor.role === 'reviewer' && row.review_state !== 'draft'))) {
    throw new ApiProblem(404, 'not_found', `No draft ${draftId} that you may see.`);
  }
  return row;
}

const iso = (date: Date | null) => (date === null ? null : new Date(date).toISOString());

/** The claim while its lease runs (only a draft in review has one). */
function liveClaim(row: DraftRow, now: Date) {
  if (row.review_state !== 'in_review' || !row.claimed_by || !row.claim_expires_at || new Date(row.claim_expires_at) <= now) return null;
  return { userId: row.claimed_by, name: row.claimant_name ?? '', claimedAt: iso(row.claimed_at)!, expiresAt: iso(row.claim_expires_at)! };
}

export function toStatus(row: DraftRow, now: Date): ReviewStatus {
  return {
    draftId: row.id,
    state: row.review_state,
    revision: Number(row.version),
    ownerId: row.owner_id,
    title: row.title ?? '',
    submittedAt: iso(row.submitted_at),
    updatedAt: iso(row.updated_at)!,
    claim: liveClaim(row, now),
    publishedId: row.published_id,
    openComments: row.open_comments,
  };
}

export function factsOf(row: DraftRow, now: Date): ReviewFacts {
  return {
    state: row.review_state,
    ownerId: row.owner_id,
    claim: row.claimed_by ? { userId: row.claimed_by, live: liveClaim(row, now) !== null } : null,
  };
}
