/**
 * Group commit for `POST /v1/submissions`. Every submission takes the sync version counter, which stays locked
 * until its transaction commits, so on PostgreSQL submissions committed one at a time, each waiting for the
 * previous one's log flush. Submissions that arrive while a transaction is open now share the next one: the
 * counter is locked, and the log flushed, once per group. Each runs in its own savepoint, so one refused
 * (409, 422) or failing leaves the others untouched; none is answered before its group has committed.
 */
import type { AuthUser } from './auth.ts';
import type { Database, Queryable } from './db/index.ts';
import { createSubmission, type ParsedSubmission, type StoredResponse } from './submissions.ts';

interface Job {
  user: AuthUser;
  key: string;
  request: ParsedSubmission;
  resolve(response: StoredResponse): void;
  reject(error: unknown): void;
}

type Outcome = { job: Job; response: StoredResponse } | { job: Job; error: unknown };

/** Enough to amortise the flush; few enough that a group's last member does not wait long for its first. */
const MAX_GROUP = 16;

export class SubmissionWriter {
  private readonly waiting: Job[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  create(user: AuthUser, key: string, request: ParsedSubmission): Promise<StoredResponse> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ user, key, request, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      const outcomes = await this.db
        .transaction((tx) => (group.length === 1 ? alone(tx, group[0]!) : together(tx, group)))
        .catch((error: unknown) => group.map((job): Outcome => ({ job, error })));
      for (const outcome of outcomes) {
        if ('response' in outcome) outcome.job.resolve(outcome.response);
        else outcome.job.reject(outcome.error);
      }
    }
    this.writing = false;
  }
}

/** One submission needs no savepoint: its failure rolls the whole transaction back. */
async function alone(tx: Queryable, job: Job): Promise<Outcome[]> {
  return [{ job, response: await createSubmission(tx, job.user, job.key, job.request) }];
}

/** Each in a savepoint; the next one's is set in the same round trip that releases this one's. */
async function together(tx: Queryable, group: Job[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  await tx.exec('savepoint submission');
  for (const job of group) {
    try {
      outcomes.push({ job, response: await createSubmission(tx, job.user, job.key, job.request) });
      await tx.exec('release savepoint submission; savepoint submission');
    } catch (error) {
      // Rolling back to a savepoint keeps it, ready for the next submission.
      await tx.exec('rollback to savepoint submission');
      outcomes.push({ job, error });
    }
  }
  return outcomes;
}
