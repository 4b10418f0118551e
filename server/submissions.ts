/** Submissions in SQL: idempotent creation, reads, review decisions, lookups by source URL. */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SubmissionRequest, type Submission, type SourcesLookup } from '../src/core/contract.ts';
import type { AuthUser } from './auth.ts';
import type { Queryable } from './db/index.ts';
import { ApiProblem } from './errors.ts';
import { enterReview } from './review/from-submission.ts';

export type ParsedSubmission = z.output<typeof SubmissionRequest>;

/** Idempotency records are kept this long, then purged. */
export const IDEMPOTENCY_RETENTION_DAYS = 30;

interface SubmissionRow {
  id: string;
  draft_id: string;
  status: Submission['status'];
  archive_id: string | null;
  title: string;
  received_at: Date;
  submitted_by: string;
  request_hash: string | null;
}

const COLUMNS = 'id, draft_id, status, archive_id, title, received_at, submitted_by, request_hash';
/** The draft's one submission that is not rejected (migration 003 keeps it unique). */
const LIVE = `status <> 'rejected' and duplicate_of is null`;

function toSubmission(row: SubmissionRow): Submission {
  return {
    id: row.id,
    draftId: row.draft_id,
    status: row.status,
    archiveId: row.archive_id,
    title: row.title,
    receivedAt: new Date(row.received_at).toISOString(),
  };
}

/** The stored (or replayed) response to `POST /v1/submissions`: status and exact body text. */
export interface StoredResponse {
  status: number;
  body: string;
  replayed: boolean;
  submissionId: string;
}

/** Hash of the validated request (defaults applied, keys in schema order): equal bodies hash equal. */
export function requestHash(request: ParsedSubmission): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

async function replay(tx: Queryable, user: AuthUser, key: string, hash: string): Promise<StoredResponse> {
  const [row] = await tx.query<{ request_hash: string; status_code: number; response_body: string; submission_id: string }>(
    'select request_hash, status_code, response_body, submission_id from idempotency_keys where user_id = $1 and key = $2',
    [user.id, key],
  );
  if (!row) throw new Error('idempotency record vanished during replay');
  if (row.request_hash !== hash) {
    throw new ApiProblem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different request body. Use a new key for a new submission.', [
      { path: 'Idempotency-Key', message: 'Already used with a different body.' },
    ]);
  }
  return { status: row.status_code, body: row.response_body, replayed: true, submissionId: row.submission_id };
}

async function liveSubmissionOf(tx: Queryable, draftId: string): Promise<SubmissionRow | undefined> {
  const [row] = await tx.query<SubmissionRow>(`select ${COLUMNS} from submissions where draft_id = $1 and ${LIVE}`, [draftId]);
  return row;
}

/**
 * A new key for a draft that already has a live submission: its author sending the same body gets
 * that submission (200, remembered under this key too); anything else is refused, because taking a
 * changed body would drop the edits and a second submission would split the draft in two.
 */
async function answerWithLive(tx: Queryable, user: AuthUser, key: string, hash: string, live: SubmissionRow): Promise<StoredResponse> {
  if (live.submitted_by !== user.id || live.request_hash !== hash) {
    const mine = live.submitted_by === user.id;
    throw new ApiProblem(
      409,
      'draft_already_submitted',
      mine
        ? `This draft was already submitted as ${live.id}, with other content. It cannot be submitted again unless that submission is rejected.`
        : 'This draft was already submitted to the archive by another user.',
      [{ path: 'draftId', message: mine ? `Already submitted as ${live.id}.` : 'Already submitted by another user.' }],
    );
  }
  const body = JSON.stringify(toSubmission(live));
  await tx.query(
    'update idempotency_keys set status_code = 200, response_body = $3, submission_id = $4 where user_id = $1 and key = $2',
    [user.id, key, body, live.id],
  );
  return { status: 200, body, replayed: false, submissionId: live.id };
}

/**
 * Creates the submission once per (user, key) and once per draft, inside the caller's transaction (see
 * submission-writer.ts). The key row is claimed first, in the statement that also writes the submission and its sources: a concurrent request with the same key waits on
 * it and then replays the committed response; a concurrent request for the same draft under another key waits
 * on the draft's unique index. The response is stored before the draft enters review, which takes the sync
 * version counter: the counter stays locked (every other change waiting) for as little of the transaction as can be.
 */
export async function createSubmission(tx: Queryable, user: AuthUser, key: string, request: ParsedSubmission): Promise<StoredResponse> {
  const hash = requestHash(request);
  const [first] = await tx.query<{ claimed: boolean } & (SubmissionRow | { [K in keyof SubmissionRow]: null })>(
    `with claimed as (
       insert into idempotency_keys (user_id, key, request_hash, status_code, response_body)
       values ($2, $7, $6, 0, '') on conflict (user_id, key) do nothing returning 1
     ), created as (
       insert into submissions (draft_id, submitted_by, title, body, request_hash)
       select $1, $2, $3, $4, $6
       where exists (select from claimed) and not exists (select from submissions where draft_id = $1 and ${LIVE})
       on conflict (draft_id) where ${LIVE} do nothing
       returning ${COLUMNS}
     ), cited as (
       insert into submission_sources (submission_id, position, url)
       select created.id, source.ord - 1, source.url
       from created, unnest($5::text[]) with ordinality as source(url, ord)
     )
     select exists (select from claimed) as claimed, created.* from (values (1)) as one left join created on true`,
    [request.draftId, user.id, request.title, JSON.stringify(request), request.sources.map((source) => source.url), hash, key],
  );
  if (!first!.claimed) return replay(tx, user, key, hash);
  if (first!.id === null) return answerWithLive(tx, user, key, hash, (await liveSubmissionOf(tx, request.draftId))!);
  const row = first as SubmissionRow;
  const body = JSON.stringify(toSubmission(row));
  await tx.query(
    'update idempotency_keys set status_code = 201, response_body = $3, submission_id = $4 where user_id = $1 and key = $2',
    [user.id, key, body, row.id],
  );
  await enterReview(tx, user, request);
  return { status: 201, body, replayed: false, submissionId: row.id };
}

/** Editors see their own submissions; reviewers see all. */
export async function getSubmission(db: Queryable, user: AuthUser, id: string): Promise<Submission | null> {
  const [row] = await db.query<SubmissionRow>(`select ${COLUMNS} from submissions where id = $1`, [id]);
  if (!row || (user.role !== 'reviewer' && row.submitted_by !== user.id)) return null;
  return toSubmission(row);
}

/** Non-rejected submissions citing `url`; accepted ones are archive incidents. Others' pending ones show only that they exist. */
export async function findBySourceUrl(db: Queryable, viewer: AuthUser, url: string): Promise<SourcesLookup> {
  const rows = await db.query<SubmissionRow>(
    `select ${COLUMNS} from submissions s
     where s.status <> 'rejected' and exists (select 1 from submission_sources ss where ss.submission_id = s.id and ss.url = $1)
     order by s.received_at, s.id limit 100`,
    [url],
  );
  return {
    url,
    matches: rows.map((row) => {
      const visible = row.status === 'accepted' || viewer.role === 'reviewer' || row.submitted_by === viewer.id;
      return {
        kind: row.status === 'accepted' ? ('incident' as const) : ('submission' as const),
        id: visible ? row.id : null,
        archiveId: row.archive_id,
        title: visible ? row.title : null,
        receivedAt: new Date(row.received_at).toISOString(),
      };
    }),
  };
}

/** Deletes idempotency records older than the retention period; returns how many. */
export async function purgeIdempotencyKeys(db: Queryable, retentionDays = IDEMPOTENCY_RETENTION_DAYS): Promise<number> {
  const rows = await db.query(
    `delete from idempotency_keys where created_at < now() - make_interval(days => $1) returning 1`,
    [retentionDays],
  );
  return rows.length;
}
