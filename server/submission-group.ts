/**
 * A group of `POST /v1/submissions` written in one transaction of two statements (submission-writer.ts makes
 * the groups), however many it holds. The first claims every key, creates the submissions of drafts without a
 * live one with their sources, takes the sync version counter once for all the drafts that enter review, and
 * returns what each of the others needs to be answered (the stored response, the draft's live submission).
 * The drafts are then built here with their versions, and the second statement stores every answer, releases
 * the keys of refused submissions (so a refusal keeps nothing, as if it had never come), and writes the
 * drafts with their audit events. A group holds each key and each draft once: a request's answer may depend
 * on another's only across groups.
 */
import type { AuthUser } from './auth.ts';
import type { Queryable } from './db/index.ts';
import { ApiProblem } from './errors.ts';
import { draftEnteringReview, submitSyncedCopy, SUBMITTABLE, SUBMIT_REASON } from './review/from-submission.ts';
import { COLUMNS, LIVE, toSubmission, type ParsedSubmission, type StoredResponse, type SubmissionRow } from './submissions.ts';

export interface SubmissionJob {
  user: AuthUser;
  key: string;
  request: ParsedSubmission;
  hash: string;
  /** The draft lacks what the archive requires: only an answer it already has (a retry, a draft it holds) is given. */
  unmet: ApiProblem | null;
}

export type JobOutcome = { response: StoredResponse } | { error: unknown };

type Stored = { request_hash: string; status_code: number; response_body: string; submission_id: string };

/** A row of `create_submissions` (migration 008). */
interface JobRow {
  is_claimed: boolean;
  is_entering: boolean;
  top_version: string | number | null;
  created_row: SubmissionRow | null;
  live_row: SubmissionRow | null;
  stored_row: Stored | null;
}

/** A submission's answer, kept under its key for its retries. */
interface Answer {
  user_id: string;
  key: string;
  hash: string;
  status: number;
  body: string;
  submission_id: string;
}

export async function writeGroup(tx: Queryable, jobs: SubmissionJob[]): Promise<JobOutcome[]> {
  const rows = await tx.query<JobRow>('select * from create_submissions($1, $2)', [
    JSON.stringify(jobs.map((job, i) => ({ i, user_id: job.user.id, key: job.key, hash: job.hash, claim: job.unmet === null, body: job.request }))),
    SUBMITTABLE,
  ]);
  const answers: Answer[] = [];
  const released: { user_id: string; key: string }[] = [];
  const entering: { job: SubmissionJob; version: number }[] = [];
  let version = Number(rows.find((row) => row.top_version !== null)?.top_version ?? 0) - rows.filter((row) => row.is_entering).length;
  const outcomes: JobOutcome[] = [];
  for (const [i, job] of jobs.entries()) {
    const row = rows[i]!;
    const answer = (status: number, submission: SubmissionRow): JobOutcome => {
      const body = JSON.stringify(toSubmission(submission));
      answers.push({ user_id: job.user.id, key: job.key, hash: job.hash, status, body, submission_id: submission.id });
      return { response: { status, body, replayed: false, submissionId: submission.id } };
    };
    try {
      outcomes.push(await outcomeOf(tx, job, row, answer));
      if (row.created_row && row.is_entering) entering.push({ job, version: (version += 1) });
    } catch (error) {
      if (row.is_claimed) released.push({ user_id: job.user.id, key: job.key });
      outcomes.push({ error });
    }
  }
  await enterReview(tx, entering, answers, released);
  return outcomes;
}

/** Stores the answers, releases the refused keys, and writes each draft entering review at its version. */
async function enterReview(tx: Queryable, entering: { job: SubmissionJob; version: number }[], answers: Answer[], released: { user_id: string; key: string }[]) {
  const now = new Date();
  const drafts = entering.map(({ job, version }) => ({ id: job.request.draftId, owner_id: job.user.id, version, state: draftEnteringReview(job.user, job.request, version, now) }));
  const written = await tx.query<{ id: string }>('select answer_submissions($1, $2, $3, $4, $5) as id', [JSON.stringify(answers), JSON.stringify(released), now, JSON.stringify(drafts), SUBMIT_REASON]);
  const inserted = new Set(written.map((row) => row.id));
  const missed = entering.filter(({ job }) => !inserted.has(job.request.draftId));
  // A draft pushed while this group waited for the counter: the author's copy is submitted instead.
  for (const { job, version } of missed) await submitSyncedCopy(tx, job.user, job.request.draftId, version, now);
  if (missed.length > 0) await tx.query('update sync_meta set version = $1', [entering.at(-1)!.version]);
}

/** Throws the refusal of a request the group refuses. */
async function outcomeOf(tx: Queryable, job: SubmissionJob, row: JobRow, answer: (status: number, submission: SubmissionRow) => JobOutcome): Promise<JobOutcome> {
  if (row.created_row) return answer(201, row.created_row);
  if (!row.is_claimed) {
    const stored = row.stored_row ?? (await storedAnswer(tx, job));
    if (stored) return { response: replay(job, stored) };
  }
  const live = row.live_row ?? (await liveSubmissionOf(tx, job.request.draftId));
  if (job.unmet && !(live && sameRequest(job, live))) throw job.unmet;
  return answer(200, refuseOtherContent(job, live!));
}

function replay(job: SubmissionJob, stored: Stored): StoredResponse {
  if (stored.request_hash !== job.hash) {
    throw new ApiProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body. Use a new key for a new submission.', [
      { path: 'Idempotency-Key', message: 'Already used with a different body.' },
    ]);
  }
  return { status: stored.status_code, body: stored.response_body, replayed: true, submissionId: stored.submission_id };
}

const sameRequest = (job: SubmissionJob, live: SubmissionRow) => live.submitted_by === job.user.id && live.request_hash === job.hash;

/**
 * A new key for a draft that already has a live submission: its author sending the same body gets that
 * submission (200, remembered under this key too); anything else is refused, because taking a changed body
 * would drop the edits and a second submission would split the draft in two.
 */
function refuseOtherContent(job: SubmissionJob, live: SubmissionRow): SubmissionRow {
  if (sameRequest(job, live)) return live;
  const mine = live.submitted_by === job.user.id;
  throw new ApiProblem(
    409,
    'draft_already_submitted',
    mine
      ? `This draft was already submitted as ${live.id}, with other content. It cannot be submitted again unless that submission is rejected.`
      : 'This draft was already submitted to the archive by another user.',
    [{ path: 'draftId', message: mine ? `Already submitted as ${live.id}.` : 'Already submitted by another user.' }],
  );
}

/** What a request committed while this group's statement ran had, read after it (rare: the statement could not see it). */
async function storedAnswer(tx: Queryable, job: SubmissionJob): Promise<Stored | undefined> {
  const [row] = await tx.query<Stored>('select request_hash, status_code, response_body, submission_id from idempotency_keys where user_id = $1 and key = $2', [job.user.id, job.key]);
  return row;
}

async function liveSubmissionOf(tx: Queryable, draftId: string): Promise<SubmissionRow | undefined> {
  const [row] = await tx.query<SubmissionRow>(`select ${COLUMNS} from submissions where draft_id = $1 and ${LIVE}`, [draftId]);
  return row;
}
