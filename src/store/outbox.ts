/**
 * The submission outbox. A row is written in the same transaction as the draft's "queued" state,
 * sent with its own Idempotency-Key on every attempt, and deleted only after a 2xx.
 * That is what makes a submission leave exactly once across crashes and retries.
 */
import type { ArchiveClient, ApiFailure } from '../archive/client.ts';
import type { Submission, SubmissionRequest } from '../core/contract.ts';
import type { Draft } from '../core/draft.ts';
import { submissionFromDraft } from '../core/submission.ts';
import { systemClock, type Clock } from '../core/clip-ops.ts';
import { db, type ClipperDb, type DeadLetterRow, type OutboxRow } from './db.ts';
import { readDraft, readDrafts } from './draft-read.ts';
import { changeDraft, DraftNotFoundError } from './draft-write.ts';
import { loadSettings, saveSettings } from './settings.ts';
import { storedMessage, type MessageKey } from '../i18n/i18n.ts';
import { capErrorText } from '../core/stored-error.ts';
import { MAX_RETRY_AFTER_MS } from '../archive/client.ts';
import { REQUIREMENTS_UNMET, unmetRequirementLabels } from '../workspace/requirement-words.ts';

/**
 * A failure reason kept on the draft as key + substitutions, so it is shown in the language of the moment
 * it is read. The archive's words are capped: a huge reply must not make the draft too large to back up.
 */
function submissionError(key: MessageKey, ...params: string[]): Pick<NonNullable<Draft['submission']>, 'errorMessage'> {
  return { errorMessage: storedMessage(key, ...params.map(capErrorText)) };
}

export class NotReadyError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

/** Why the archive refused this draft's last submission, with its reasons per field; undefined if it was not refused. */
export async function refusalOf(draftId: string, store: ClipperDb = db()): Promise<DeadLetterRow | undefined> {
  return store.deadLetters.where('draftId').equals(draftId).last();
}

const sameBody = (a: SubmissionRequest, b: SubmissionRequest | undefined) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Queues a draft for submission. Queuing twice, or after acceptance, sends nothing new. After a refusal,
 * the body is built afresh from the draft as edited; it gets a new Idempotency-Key only when it differs
 * from the refused body (the archive answers a known key with another body by 422).
 */
export async function queueSubmission(draftId: string, store: ClipperDb = db(), clock: Clock = systemClock): Promise<Draft> {
  return store.transaction('rw', store.drafts, store.outbox, store.deadLetters, async () => {
    const draft = await readDraft(store, draftId);
    if (!draft) throw new DraftNotFoundError(draftId);
    const state = draft.submission?.state;
    if (state === 'queued' || state === 'sending' || state === 'accepted') return draft;

    const build = submissionFromDraft(draft);
    if (!build.ok) throw new NotReadyError(build.problems.map((problem) => problem.message));

    const refused = await refusalOf(draftId, store);
    const idempotencyKey = refused?.idempotencyKey && sameBody(build.body, refused.body) ? refused.idempotencyKey : clock.uuid();
    await store.deadLetters.where('draftId').equals(draftId).delete();
    const queued = await changeDraft(store, draftId, (stored) => ({
      ...stored,
      submission: { state: 'queued', idempotencyKey, queuedAt: clock.now() },
      updatedAt: clock.now(),
    }));
    await store.outbox.add({ kind: 'submit', draftId, idempotencyKey, body: build.body, attempts: 0, nextAttemptAt: 0 });
    return queued;
  });
}

const SUBMISSION_RANK = { queued: 1, sending: 1, failed: 1, accepted: 2 } as const;

/**
 * A draft coming from a backup, with the submission record that must survive: the stored one, unless the
 * file's says the archive accepted the draft and the stored one does not. An older backup (without the
 * record, or with an earlier one) never strips a submission, so the draft cannot be submitted twice.
 */
export function keepingSubmission(incoming: Draft, stored: Draft): Draft {
  const mine = stored.submission;
  if (!mine) return incoming;
  const theirs = incoming.submission;
  if (theirs && SUBMISSION_RANK[theirs.state] > SUBMISSION_RANK[mine.state]) return incoming;
  return { ...incoming, submission: mine, reviewState: stored.reviewState };
}

/**
 * After an import (inside its transaction): an accepted draft has nothing left to send, and a draft that
 * came in waiting to be sent gets its outbox row back under its own key, or, if it cannot be sent as it
 * stands, is marked refused with the reason so the editor can act.
 */
export async function reconcileImportedSubmissions(store: ClipperDb, { accepted, waiting }: { accepted: string[]; waiting: string[] }): Promise<void> {
  if (accepted.length > 0) await store.outbox.where('draftId').anyOf(accepted).delete();
  if (waiting.length === 0) return;
  const rowed = new Set((await store.outbox.where('draftId').anyOf(waiting).toArray()).map((row) => row.draftId));
  for (const draft of await readDrafts(store, waiting.filter((id) => !rowed.has(id)))) {
    if (!draft.submission) continue;
    const build = submissionFromDraft(draft);
    if (!build.ok) {
      const problems = build.problems.map((problem) => problem.message).join(' ');
      await patchSubmission(store, draft.id, { state: 'failed', ...submissionError('outbox_error_imported_not_ready', problems) });
      continue;
    }
    const { idempotencyKey } = draft.submission;
    await store.outbox.add({ kind: 'submit', draftId: draft.id, idempotencyKey, body: build.body, attempts: 0, nextAttemptAt: 0 });
    if (draft.submission.state !== 'queued') await patchSubmission(store, draft.id, { state: 'queued' });
  }
}

const BASE_BACKOFF_MS = 5_000;
const MAX_BACKOFF_MS = 30 * 60_000;

export function backoffMs(attempts: number, retryAfterMs?: number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, Math.min(MAX_RETRY_AFTER_MS, retryAfterMs ?? 0));
}

/**
 * Network errors, 5xx, 408 and 429 may succeed later; other 4xx never will.
 * A garbled 2xx is retried too: the archive may have stored it, and the replay under the same key says so.
 */
export function isRetryable(failure: ApiFailure): boolean {
  if (failure.kind === 'network') return true;
  const { status } = failure;
  return status >= 500 || status < 300 || status === 408 || status === 429;
}

/** Changes the draft's submission record (a draft deleted meanwhile, or never queued, is left alone). */
async function patchSubmission(store: ClipperDb, draftId: string, patch: Partial<NonNullable<Draft['submission']>>, extra: Partial<Draft> = {}) {
  const draft = await readDraft(store, draftId);
  if (!draft?.submission) return;
  await changeDraft(store, draftId, (stored) => stored.submission && { ...stored, ...extra, submission: { ...stored.submission, ...patch } });
}

/**
 * Whether the row still waits. Another drain (a second worker wake, a page) may have settled it while this
 * one's request was out: its answer then says nothing about the draft, and must not put an accepted
 * submission back as waiting or failed. An acceptance is always written: it is the archive's word.
 */
async function stillQueued(store: ClipperDb, row: OutboxRow): Promise<boolean> {
  return (await store.outbox.get(row.seq!)) !== undefined;
}

async function markAccepted(store: ClipperDb, row: OutboxRow, accepted: Submission) {
  await store.transaction('rw', store.drafts, store.outbox, async () => {
    await patchSubmission(
      store,
      row.draftId,
      {
        state: 'accepted',
        submissionId: accepted.id,
        archiveStatus: accepted.status,
        archiveId: accepted.archiveId ?? undefined,
        errorMessage: undefined,
      },
      { reviewState: 'submitted' },
    );
    await store.outbox.delete(row.seq!);
  });
}

/** More field reasons than this in one refusal say nothing more to the editor. */
const MAX_FIELD_REASONS = 50;

async function deadLetter(store: ClipperDb, row: OutboxRow, failure: ApiFailure, now: string) {
  const status = failure.kind === 'network' ? 0 : failure.status;
  await store.transaction('rw', store.drafts, store.outbox, store.deadLetters, async () => {
    if (!(await stillQueued(store, row))) return;
    const fields = failure.kind === 'http' ? failure.fields.slice(0, MAX_FIELD_REASONS).map(({ path, message }) => ({ path: capErrorText(path), message: capErrorText(message) })) : [];
    const { draftId, kind, body, idempotencyKey } = row;
    await store.deadLetters.add({ draftId, kind, status, error: capErrorText(failure.message), at: now, fields, body, idempotencyKey });
    const unmet = failure.kind === 'http' && failure.code === REQUIREMENTS_UNMET;
    const said = unmet ? submissionError('rg_requirements_unmet', unmetRequirementLabels(failure.fields)) : submissionError('outbox_error_refused', failure.message);
    await patchSubmission(store, row.draftId, { state: 'failed', ...said });
    await store.outbox.delete(row.seq!);
  });
}

async function scheduleRetry(store: ClipperDb, row: OutboxRow, failure: ApiFailure, nowMs: number) {
  const attempts = row.attempts + 1;
  const retryAfter = failure.kind === 'http' ? failure.retryAfterMs : undefined;
  await store.transaction('rw', store.drafts, store.outbox, async () => {
    if (!(await stillQueued(store, row))) return;
    await store.outbox.update(row.seq!, { attempts, nextAttemptAt: nowMs + backoffMs(attempts, retryAfter), lastError: capErrorText(failure.message) });
    await patchSubmission(store, row.draftId, { state: 'queued', ...submissionError('outbox_error_retrying', failure.message) });
  });
}

export type DrainOutcome = 'idle' | 'unconfigured' | 'paused' | 'drained' | 'waiting';

export interface DrainDeps {
  store?: ClipperDb;
  clientFor: (archiveUrl: string, token: string) => ArchiveClient;
  nowMs?: () => number;
  /** Try rows still waiting out their backoff: someone is looking at the queue right now. */
  ignoreBackoff?: boolean;
}

/** Sends every due outbox row once, in order. Stops at the first 401, whatever its body, and pauses the queue. */
export async function drainOutbox({ store = db(), clientFor, nowMs = Date.now, ignoreBackoff = false }: DrainDeps): Promise<DrainOutcome> {
  if ((await store.outbox.count()) === 0) return 'idle';
  const settings = await loadSettings(store);
  if (!settings.archiveUrl || !settings.token) return 'unconfigured';
  if (settings.paused) return 'paused';

  const client = clientFor(settings.archiveUrl, settings.token);
  const due = await store.outbox.where('nextAttemptAt').belowOrEqual(ignoreBackoff ? Infinity : nowMs()).sortBy('seq');
  for (const row of due) {
    const claimed = await store.transaction('rw', store.drafts, store.outbox, async () => {
      if (!(await stillQueued(store, row))) return false;
      await patchSubmission(store, row.draftId, { state: 'sending' });
      return true;
    });
    if (!claimed) continue;
    const result = await client.submit(row.body, row.idempotencyKey);
    if (result.ok) {
      await markAccepted(store, row, result.value);
    } else if (result.failure.kind !== 'network' && result.failure.status === 401) {
      // Any 401 (also a proxy's HTML page) means the token: pause and keep everything.
      await saveSettings({ paused: true }, store);
      await store.transaction('rw', store.drafts, store.outbox, async () => {
        if (await stillQueued(store, row)) await patchSubmission(store, row.draftId, { state: 'queued', ...submissionError('outbox_error_token_rejected') });
      });
      return 'paused';
    } else if (isRetryable(result.failure)) {
      await scheduleRetry(store, row, result.failure, nowMs());
    } else {
      await deadLetter(store, row, result.failure, new Date(nowMs()).toISOString());
    }
  }
  return (await store.outbox.count()) === 0 ? 'drained' : 'waiting';
}
