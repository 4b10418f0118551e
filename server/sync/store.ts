/** The sync store in SQL: thin reads and writes under the rules of src/core/sync/engine.ts. */
import type { StoredResult, SyncReadTx, SyncWriteTx } from '../../src/core/sync/engine.ts';
import type { SyncDraft, SyncUser } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';

export function sqlWriteTx(tx: Queryable): SyncWriteTx {
  return {
    async client(clientId, userId) {
      await tx.query('insert into sync_clients (client_id, user_id) values ($1, $2) on conflict (client_id) do nothing', [clientId, userId]);
      const [row] = await tx.query<{ user_id: string; acked_through: number }>(
        'select user_id, acked_through from sync_clients where client_id = $1 for update',
        [clientId],
      );
      return { userId: row!.user_id, ackedThrough: Number(row!.acked_through) };
    },
    async saveClient(clientId, _userId, ackedThrough) {
      await tx.query('update sync_clients set acked_through = $2, updated_at = now() where client_id = $1', [clientId, ackedThrough]);
    },
    async results(clientId, fromSeq, toSeq) {
      const rows = await tx.query<{ seq: number; status: StoredResult['status']; reason: string | null; op_id: string | null; draft_id: string | null; version: string | null }>(
        'select seq, status, reason, op_id, draft_id, version from sync_ops where client_id = $1 and seq between $2 and $3 order by seq',
        [clientId, fromSeq, toSeq],
      );
      return rows.map((row) => ({
        seq: row.seq,
        status: row.status,
        ...(row.reason === null ? {} : { reason: row.reason }),
        opId: row.op_id,
        draftId: row.draft_id,
        version: row.version === null ? null : Number(row.version),
      }));
    },
    async version() {
      const [row] = await tx.query<{ version: string }>('select version from sync_meta for update');
      return Number(row!.version);
    },
    async setVersion(version) {
      await tx.query('update sync_meta set version = $1', [version]);
    },
    async drafts(ids) {
      if (ids.length === 0) return [];
      const rows = await tx.query<{ state: SyncDraft }>('select state from sync_drafts where id = any($1::uuid[])', [[...new Set(ids)]]);
      return rows.map((row) => row.state);
    },
    async saveDrafts(drafts) {
      if (drafts.length === 0) return;
      await tx.query(
        `insert into sync_drafts (id, owner_id, review_state, version, updated_by, state)
         select (d->>'id')::uuid, (d->>'ownerId')::uuid, d->'fields'->'reviewState'->>'v', (d->>'rev')::bigint, (d->>'updatedBy')::uuid, d
         from jsonb_array_elements($1::jsonb) as d
         on conflict (id) do update set review_state = excluded.review_state, version = excluded.version,
           updated_by = excluded.updated_by, updated_at = now(), state = excluded.state`,
        [JSON.stringify(drafts)],
      );
    },
    async saveResults(clientId, userId, results) {
      await tx.query(
        `insert into sync_ops (client_id, seq, op_id, user_id, draft_id, status, reason, version)
         select $1, (r->>'seq')::integer, r->>'opId', $2, (r->>'draftId')::uuid, r->>'status', r->>'reason', (r->>'version')::bigint
         from jsonb_array_elements($3::jsonb) as r`,
        [clientId, userId, JSON.stringify(results)],
      );
    },
  };
}

export function sqlReadTx(tx: Queryable): SyncReadTx {
  return {
    async meta() {
      const [row] = await tx.query<{ epoch: string; version: string }>('select epoch, version from sync_meta');
      return { epoch: row!.epoch, version: Number(row!.version) };
    },
    async changedDrafts(user: SyncUser, afterVersion, limit) {
      const rows = await tx.query<{ state: SyncDraft }>(
        `select state from sync_drafts
         where version > $1 and (owner_id = $2 or ($3 and review_state <> 'draft'))
         order by version limit $4`,
        [afterVersion, user.id, user.role === 'reviewer', limit],
      );
      return rows.map((row) => row.state);
    },
    async ackedThrough(clientId, userId) {
      const [row] = await tx.query<{ acked_through: number }>('select acked_through from sync_clients where client_id = $1 and user_id = $2', [clientId, userId]);
      return row ? Number(row.acked_through) : undefined;
    },
  };
}
