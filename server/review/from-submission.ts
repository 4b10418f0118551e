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

/** Review states from which a submission moves the author's synced copy to submitted. */
export const SUBMITTABLE = ['draft', 'changes_requested', 'withdrawn'];
export const SUBMIT_REASON = 'Submitted through POST /v1/submissions.';

/** The draft a submission of a draft the archive has not seen enters review as, at `version`. */
export function draftEnteringReview(author: Actor, request: z.output<typeof SubmissionRequest>, version: number, now: Date): SyncDraft {
  const state = buildDraft(author, request, version, now);
  state.fields.reviewState = { v: 'submitted', rev: version, by: ARCHIVE_CLIENT };
  return state;
}

/**
 * The author's own synced copy (perhaps pushed while the submission waited for the counter) is submitted
 * instead, at `version`; false, changing nothing, when it is not the author's or is past submitting.
 * Moves the counter to `version` (saveMove): the caller holding later versions sets it back.
 */
export async function submitSyncedCopy(tx: Queryable, author: Actor, draftId: string, version: number, now: Date): Promise<boolean> {
  const [existing] = await tx.query<{ owner_id: string; review_state: string }>('select owner_id, review_state from sync_drafts where id = $1', [draftId]);
  if (existing!.owner_id !== author.id || !SUBMITTABLE.includes(existing!.review_state)) return false;
  const row = await visibleDraft(tx, author, draftId, true);
  await saveMove(tx, row, 'submitted', version, author, now, 'transition', null);
  await recordEvent(tx, { draftId: row.id, actor: author, action: 'transition', from: row.review_state, to: 'submitted', decidedOn: Number(row.version), version, reason: SUBMIT_REASON, now });
  return true;
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
      ops.push({ type: 'putQuote', draftId, quoteId: randomUUID(), baseRev: 0, values: { sourceId, quote, selectors, createdAt: accessedAt } });
    }
  }
  let draft: SyncDraft | undefined;
  ops.forEach((op, index) => {
    const outcome = applyOp(draft, { ...op, seq: index + 1, opId: randomUUID() }, { userId: author.id, role: author.role, clientId: ARCHIVE_CLIENT, version });
    draft = outcome.draft ?? draft;
  });
  return draft!;
}
