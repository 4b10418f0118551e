/**
 * Publishing: the archive entry of an approved draft, numbered from the same INC sequence as submissions.
 * A draft that also came in through `POST /v1/submissions` keeps that submission's INC id (it is accepted);
 * otherwise an accepted submission row is made, so the entry is found by id and by source URL like any other.
 */
import type { SyncDraft } from '../../src/core/sync/state.ts';
import type { Queryable } from '../db/index.ts';
import type { DraftRow } from './rows.ts';
import type { Actor } from './rules.ts';

export async function publishEntry(tx: Queryable, row: DraftRow & { state: SyncDraft }, reviewer: Actor, now: Date): Promise<string> {
  const title = typeof row.state.fields.title?.v === 'string' ? row.state.fields.title.v : '';
  const urls = Object.values(row.state.sources)
    .filter((source) => !source.deleted && typeof source.fields.url?.v === 'string')
    .map((source) => source.fields.url!.v as string);
  const [entry] = await tx.query<{ id: string }>(
    `with adopted as (
       update submissions set status = 'accepted', archive_id = id, reviewed_by = $2, reviewed_at = $3
       where draft_id = $1 and status <> 'rejected' and duplicate_of is null returning id
     ), created as (
       insert into submissions (draft_id, submitted_by, status, title, body, received_at, reviewed_by, reviewed_at)
       select $1, $4, 'accepted', $5, $6, $3, $2, $3 where not exists (select 1 from adopted) returning id
     )
     select id from adopted union all select id from created`,
    [row.id, reviewer.id, now, row.owner_id, title, JSON.stringify(row.state)],
  );
  await tx.query('update submissions set archive_id = id where id = $1 and archive_id is null', [entry!.id]);
  await tx.query(
    `insert into submission_sources (submission_id, position, url)
     select $1, source.ord - 1, source.url from unnest($2::text[]) with ordinality as source(url, ord)
     where not exists (select 1 from submission_sources where submission_id = $1)`,
    [entry!.id, urls],
  );
  return entry!.id;
}
