/**
 * Group commit for `POST /v1/submissions`. Every submission takes the sync version counter, which stays locked
 * until its transaction commits, so on PostgreSQL submissions committed one at a time, each waiting for the
 * previous one's log flush. Submissions that arrive while a transaction is open share the next one, written in
 * two statements whatever its size (submission-group.ts): the counter is locked, and the log flushed, once per
 * group. A refused submission (409, 422) leaves the others untouched; a group that fails is written again one
 * submission at a time, so an error stays with its own submission; none is answered before its group has committed.
 */
import type { AuthUser } from './auth.ts';
import type { Database } from './db/index.ts';
import type { ApiProblem } from './errors.ts';
import { writeGroup, type JobOutcome, type SubmissionJob } from './submission-group.ts';
import { requestHash, type ParsedSubmission, type StoredResponse } from './submissions.ts';

interface Job extends SubmissionJob {
  resolve(response: StoredResponse): void;
  reject(error: unknown): void;
}

/** Enough to amortise the flush; few enough that a group's last member does not wait long for its first. */
const MAX_GROUP = 32;

export class SubmissionWriter {
  private waiting: Job[] = [];
  private writing = false;

  constructor(private readonly db: Database) {}

  /** `unmet`: the draft lacks what the archive requires, so only an answer the archive already has is given. */
  create(user: AuthUser, key: string, request: ParsedSubmission, unmet: ApiProblem | null): Promise<StoredResponse> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ user, key, request, hash: requestHash(request), unmet, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // After the requests already received have been read (on PGlite every query waits its turn on one
      // connection): they join this group instead of each waiting for a transaction of its own.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.nextGroup();
      const outcomes = await this.write(group).catch((error: unknown) => (group.length > 1 ? this.oneByOne(group) : [{ error }]));
      for (const [i, outcome] of outcomes.entries()) {
        if ('response' in outcome) group[i]!.resolve(outcome.response);
        else group[i]!.reject(outcome.error);
      }
    }
    this.writing = false;
  }

  private write(group: Job[]): Promise<JobOutcome[]> {
    return this.db.transaction((tx) => writeGroup(tx, group));
  }

  private async oneByOne(group: Job[]): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of group) outcomes.push(await this.write([job]).then(([outcome]) => outcome!, (error: unknown) => ({ error })));
    return outcomes;
  }

  /** The oldest waiting submissions, each key and each draft once (a later one sees the earlier one committed). */
  private nextGroup(): Job[] {
    const group: Job[] = [];
    const rest: Job[] = [];
    const keys = new Set<string>();
    const drafts = new Set<string>();
    for (const job of this.waiting) {
      const key = `${job.user.id} ${job.key}`;
      if (group.length >= MAX_GROUP || keys.has(key) || drafts.has(job.request.draftId)) rest.push(job);
      else {
        group.push(job);
        keys.add(key);
        drafts.add(job.request.draftId);
      }
    }
    this.waiting = rest;
    return group;
  }
}
