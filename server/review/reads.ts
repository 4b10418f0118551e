/** The review queue, an editor's own drafts, and the full read of one draft. */
import { createHash } from 'node:crypto';
import { REVIEW_STATES, type ReviewState } from '../../src/core/draft.ts';
import type { QuoteEvidence } from '../../src/core/review-contract.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import { eventsOf, lastReviewOf } from './service.ts';
import { STATUS_COLUMNS, STATUS_FROM, toStatus, visibleDraft, type DraftRow } from './rows.ts';
import type { Actor } from './rules.ts';
import type { QueueQuery, ReviewStatus } from './wire.ts';

const QUEUE_STATES = ['submitted', 'in_review'];
const HOUR_MS = 3_600_000;

export async function reviewQueue(db: Queryable, actor: Actor, query: QueueQuery, now: Date) {
  const ageLimit = (hours: number | undefined) => (hours === undefined ? null : new Date(now.getTime() - hours * HOUR_MS));
  const filters = `d.review_state = any($1::text[])
       and case $2::text
             when 'me' then d.review_state = 'in_review' and d.claimed_by = $3 and d.claim_expires_at > $4
             when 'none' then not (d.review_state = 'in_review' and d.claim_expires_at > $4)
             else true end
       and ($5::text is null or d.state->'lists'->'providers' @> jsonb_build_array($5::text))
       and ($6::text is null or d.state->'lists'->'codes' @> jsonb_build_array($6::text))
       and ($7::text is null or d.state->'fields'->'severity'->>'v' = $7::text)
       and ($8::timestamptz is null or d.submitted_at <= $8::timestamptz)
       and ($9::timestamptz is null or d.submitted_at >= $9::timestamptz)`;
  const params = [
    query.state ?? QUEUE_STATES,
    query.claimed,
    actor.id,
    now,
    query.provider ?? null,
    query.code ?? null,
    query.severity ?? null,
    ageLimit(query.minAgeHours),
    ageLimit(query.maxAgeHours),
  ];
  const order = `d.submitted_at ${query.order === 'newest' ? 'desc' : 'asc'}, d.id`;
  // The page is chosen first, so claimant names and comment counts are read for its rows only.
  const rows = await db.query<DraftRow>(
    `with page as (select d.id from sync_drafts d where ${filters} order by ${order} limit $10 offset $11)
     select ${STATUS_COLUMNS} from page join sync_drafts d on d.id = page.id left join users u on u.id = d.claimed_by order by ${order}`,
    [...params, query.limit, query.offset],
  );
  const [{ total }] = (await db.query<{ total: number }>(`select count(*)::int as total from sync_drafts d where ${filters}`, params)) as [{ total: number }];
  const counted = await db.query<{ review_state: string; n: number }>(
    `select review_state, count(*)::int as n from sync_drafts where review_state <> 'draft' group by review_state`,
  );
  const counts = Object.fromEntries(REVIEW_STATES.filter((state) => state !== 'draft').map((state) => [state, counted.find((c) => c.review_state === state)?.n ?? 0]));
  const next = query.offset + rows.length;
  return { items: rows.map((row) => toStatus(row, now)), total, counts, nextOffset: next < total ? next : null };
}

/** The author's drafts with their review state, most recently changed first. */
export async function myDrafts(db: Queryable, actor: Actor, now: Date, page: { offset: number; limit: number; state?: ReviewState | undefined }): Promise<ReviewStatus[]> {
  const rows = await db.query<DraftRow>(
    `select ${STATUS_COLUMNS} from ${STATUS_FROM} where d.owner_id = $1 and ($4::text is null or d.review_state = $4)
     order by d.updated_at desc, d.id limit $2 offset $3`,
    [actor.id, page.limit, page.offset, page.state ?? null],
  );
  return rows.map((row) => toStatus(row, now));
}

export async function readDraft(db: Queryable, actor: Actor, draftId: string, now: Date) {
  const row = await visibleDraft(db, actor, draftId);
  return { status: toStatus(row, now), draft: row.state, events: await eventsOf(db, draftId), lastReview: await lastReviewOf(db, draftId), evidence: evidenceOf(row.state) };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Each live quote's hashes: of its text, computed here, and of its page at capture, as its device recorded it. */
export function evidenceOf(draft: SyncDraft): QuoteEvidence[] {
  return Object.values(draft.quotes)
    .filter((quote) => !quote.deleted)
    .map((quote) => {
      const [text, sourceId, page] = [quote.fields.quote?.v, quote.fields.sourceId?.v, quote.fields.evidenceSha256?.v];
      return {
        quoteId: quote.id,
        sourceId: typeof sourceId === 'string' ? sourceId : null,
        quoteSha256: createHash('sha256').update(typeof text === 'string' ? text : '', 'utf8').digest('hex'),
        pageSha256: typeof page === 'string' && SHA256_HEX.test(page) ? page : null,
      };
    });
}
