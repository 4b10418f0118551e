/**
 * `POST /v1/submissions` kept for API clients: a one-shot submit. Its draft enters the review queue as a
 * synced draft in state submitted (made with the sync model's own ops, so it is the draft every device
 * would build), or, when the author already syncs that draft, the author's copy is submitted.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { SubmissionRequest } from '../../src/core/contract.ts';
import { applyOp } from '../../src/core/sync/apply.ts';
import type { OpBody } from '../../src/core/sync/ops.ts';
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import { visibleDraft } from './rows.ts';
import type { Actor } from './rules.ts';
import { ARCHIVE_CLIENT } from '../../src/core/sync/review-state.ts';
import { recordEvent, saveMove } from './service.ts';

const SUBMITTABLE = ['draft', 'changes_requested', 'withdrawn'];
const REASON = 'Submitted through POST /v1/submissions.';

/**
 * Runs inside the submission's transaction, after its rows are written. The version counter is taken (and
 * locked until commit) only when a draft is written, and never for a draft already past submitting (one being
 * published takes the counter first and then the submissions table: locking here would be the other order).
 * The common case, a draft the archive has not seen, is two statements: every other change waits for this
 * transaction's commit once it holds the counter, so it holds it for as few round trips as it can.
 */
export async function enterReview(tx: Queryable, author: Actor, request: z.output<typeof SubmissionRequest>): Promise<void> {
  const [taken] = await tx.query<{ version: string }>(
    `update sync_meta set version = version + 1
     where not exists (select from sync_drafts where id = $1 and (owner_id <> $2 or review_state <> all($3::text[])))
     returning version`,
    [request.draftId, author.id, SUBMITTABLE],
  );
  if (!taken) return;
  const version = Number(taken.version);
  const now = new Date();
  const state = buildDraft(author, request, version, now);
  state.fields.reviewState = { v: 'submitted', rev: version, by: ARCHIVE_CLIENT };
  const [created] = await tx.query(
    `with drafted as (
       insert into sync_drafts (id, owner_id, review_state, version, updated_by, updated_at, state, submitted_at)
       values ($1, $2, 'submitted', $3, $2, $4, $5, $4)
       on conflict (id) do nothing returning id
     )
     insert into review_events (draft_id, actor_id, action, from_state, to_state, decided_on, new_version, reason, at)
     select id, $2, 'transition', 'draft', 'submitted', $3, $3, $6, $4 from drafted returning draft_id`,
    [state.id, author.id, version, now, JSON.stringify(state), REASON],
  );
  if (!created) await submitSyncedCopy(tx, author, request.draftId, version, now);
}

/** The author's own synced copy (perhaps pushed while this waited for the counter) is submitted instead. */
async function submitSyncedCopy(tx: Queryable, author: Actor, draftId: string, version: number, now: Date): Promise<void> {
  const [existing] = await tx.query<{ owner_id: string; review_state: string }>('select owner_id, review_state from sync_drafts where id = $1', [draftId]);
  if (existing!.owner_id !== author.id || !SUBMITTABLE.includes(existing!.review_state)) {
    await tx.query('update sync_meta set version = $1', [version - 1]);
    return;
  }
  const row = await visibleDraft(tx, author, draftId, true);
  await saveMove(tx, row, 'submitted', version, author, now, 'transition', null);
  await recordEvent(tx, { draftId: row.id, actor: author, action: 'transition', from: row.review_state, to: 'submitted', decidedOn: Number(row.version), version, reason: REASON, now });
}

/** A list item in the synced draft names something; the submission body may carry blank ones. */
const named = (items: string[]) => items.filter((item) => item.trim() !== '');

/** The request as sync ops applied to a new draft; a quote the model refuses is left out (the submission keeps it). */
function buildDraft(author: Actor, request: z.output<typeof SubmissionRequest>, version: number, now: Date): SyncDraft {
  const draftId = request.draftId;
  const ops: OpBody[] = [
    {
      type: 'create',
      draftId,
      title: request.title,
      ...(request.severity ? { severity: request.severity } : {}),
      ...(request.announcementDate ? { announcementDate: request.announcementDate } : {}),
      ...(request.incidentDate ? { incidentDate: request.incidentDate } : {}),
      texts: { summary: request.summary, rationale: request.rationale, counterfactual: request.counterfactual },
      lists: { codes: named(request.codes), providers: named(request.providers), tags: named(request.tags) },
    },
  ];
  for (const source of request.sources) {
    const sourceId = randomUUID();
    const accessedAt = source.accessedAt ?? now.toISOString();
    const { quotes, ...meta } = source;
    ops.push({ type: 'putSource', draftId, sourceId, baseRev: 0, values: { ...meta, originalUrl: source.originalUrl ?? source.url, accessedAt } });
    for (const quote of quotes) {
      const selectors = { quote: { type: 'TextQuoteSelector' as const, exact: quote, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector' as const, start: 0, end: quote.length } };
      ops.push({ type: 'putQuote', draftId, quoteId: randomUUID(), baseRev: 0, values: { sourceId, url: source.url, quote, selectors, createdAt: accessedAt } });
    }
  }
  let draft: SyncDraft | undefined;
  ops.forEach((op, index) => {
    const outcome = applyOp(draft, { ...op, seq: index + 1, opId: randomUUID() }, { userId: author.id, role: author.role, clientId: ARCHIVE_CLIENT, version });
    draft = outcome.draft ?? draft;
  });
  return draft!;
}
