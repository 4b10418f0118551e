-- answer_submissions (migration 008) released refused submissions' keys with a join of the released list to
-- idempotency_keys. A connection keeps the plan it made for that join while the table was small (a hash join
-- over a scan of the whole table), and used it for every group after: each submission read every key the
-- archive held, so submissions slowed as the archive grew (half the rate once it held 100,000 keys). Now each
-- released key is deleted by its primary key, and a group that refused nothing does not look at all.
create or replace function answer_submissions(answers jsonb, released jsonb, written_at timestamptz, drafts jsonb, reason text)
  returns setof uuid
  language plpgsql as $$
#variable_conflict use_column
declare
  gone record;
begin
  for gone in select * from jsonb_to_recordset(released) as r(user_id uuid, key text) loop
    delete from idempotency_keys k where k.user_id = gone.user_id and k.key = gone.key and k.status_code = 0;
  end loop;
  return query
  with answered as (
    insert into idempotency_keys (user_id, key, request_hash, status_code, response_body, submission_id)
    select a.user_id, a.key, a.hash, a.status, a.body, a.submission_id
    from jsonb_to_recordset(answers) as a(user_id uuid, key text, hash text, status integer, body text, submission_id text)
    on conflict (user_id, key) do update set status_code = excluded.status_code, response_body = excluded.response_body, submission_id = excluded.submission_id
      where idempotency_keys.status_code = 0
  ), drafted as (
    insert into sync_drafts (id, owner_id, review_state, version, updated_by, updated_at, state, submitted_at)
    select d.id, d.owner_id, 'submitted', d.version, d.owner_id, written_at, d.state, written_at
    from jsonb_to_recordset(drafts) as d(id uuid, owner_id uuid, version bigint, state jsonb)
    on conflict (id) do nothing returning id, owner_id, version
  ), audited as (
    insert into review_events (draft_id, actor_id, action, from_state, to_state, decided_on, new_version, reason, at)
    select drafted.id, drafted.owner_id, 'transition', 'draft', 'submitted', drafted.version, drafted.version, reason, written_at from drafted
  )
  select drafted.id from drafted;
end $$;
