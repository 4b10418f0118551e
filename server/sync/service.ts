/** Push and pull as database transactions: the rules are src/core/sync/engine.ts, the SQL is ./store.ts. */
import { BadCursor, pull, push, type OpEnvelope } from '../../src/core/sync/engine.ts';
import type { PullResponse, PushResponse } from '../../src/core/sync/wire.ts';
import type { AuthUser } from '../auth.ts';
import type { Database } from '../db/index.ts';
import { ApiProblem } from '../errors.ts';
import { sqlReadTx, sqlWriteTx } from './store.ts';

/** Applies the ops (each once) and their effects in one transaction, or nothing at all. */
export async function pushOps(db: Database, user: AuthUser, clientId: string, ops: OpEnvelope[]): Promise<PushResponse> {
  const outcome = await db.transaction(async (tx) => {
    const result = await push(sqlWriteTx(tx), user, clientId, ops);
    // The token may have been revoked while this push ran: then nothing of it is kept. Holding the token row
    // (for share) until commit makes a concurrent revocation wait for this push instead.
    const [valid] = await tx.query('select 1 from api_tokens where token_hash = $1 and revoked_at is null for share', [user.tokenHash]);
    if (!valid) throw new ApiProblem(401, 'unauthorized', 'This token was revoked; nothing of this push was kept.', [], { 'WWW-Authenticate': 'Bearer realm="incident-archive"' });
    return result;
  });
  switch (outcome.kind) {
    case 'done':
      return { ackedThrough: outcome.ackedThrough, results: outcome.results };
    case 'gap':
      throw new SeqProblem('seq_gap', `Ops must follow on from seq ${outcome.ackedThrough}: send again from seq ${outcome.expectedSeq}.`, outcome.expectedSeq, outcome.ackedThrough);
    case 'seq_reused':
      throw new SeqProblem('seq_reused', `Seq ${outcome.seq} of this client was already used for another op.`);
    case 'not_consecutive':
      throw new ApiProblem(422, 'ops_not_consecutive', `The ops of one push must have consecutive seqs; seq ${outcome.seq} breaks the run.`, [{ path: 'ops', message: 'Not consecutive.' }]);
    case 'foreign_client':
      throw new ApiProblem(403, 'client_of_another_user', 'This client id belongs to another user; each device makes its own.', [{ path: 'clientId', message: 'Used by another user.' }]);
  }
}

/** A 409 whose error also carries the seq to send next. */
export class SeqProblem extends ApiProblem {
  constructor(code: string, message: string, readonly expectedSeq?: number, readonly ackedThrough?: number) {
    super(409, code, message, [{ path: 'ops.0.seq', message }]);
  }
}

export async function pullChanges(db: Database, user: AuthUser, request: { cursor?: string; clientId?: string; limit: number }): Promise<PullResponse> {
  try {
    return await db.transaction(async (tx) => {
      // One snapshot for the counter and the rows, so the cursor never passes a change this page missed.
      await tx.exec('set transaction isolation level repeatable read, read only');
      return pull(sqlReadTx(tx), user, request.cursor, request.limit, request.clientId);
    });
  } catch (error) {
    if (error instanceof BadCursor) throw new ApiProblem(400, 'invalid_cursor', `${error.message} Pull without a cursor to start again.`, [{ path: 'cursor', message: 'Not issued by this archive.' }]);
    throw error;
  }
}
