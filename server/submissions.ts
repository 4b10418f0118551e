/** Submissions in SQL: their rows and the stored response, reads, lookups by source URL (created in submission-group.ts). */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { SubmissionRequest, type Submission, type SourcesLookup } from '../src/core/contract.ts';
import type { AuthUser } from './auth.ts';
import type { Queryable } from './db/index.ts';

export type ParsedSubmission = z.output<typeof SubmissionRequest>;

/** Idempotency records are kept this long, then purged. */
export const IDEMPOTENCY_RETENTION_DAYS = 30;

export interface SubmissionRow {
  id: string;
  draft_id: string;
  status: Submission['status'];
  archive_id: string | null;
  title: string;
  received_at: Date;
  submitted_by: string;
  request_hash: string | null;
}

export const COLUMNS = 'id, draft_id, status, archive_id, title, received_at, submitted_by, request_hash';
/** The draft's one submission that is not rejected (migration 003 keeps it unique). */
export const LIVE = `status <> 'rejected' and duplicate_of is null`;

export function toSubmission(row: SubmissionRow): Submission {
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
