-- A group of POST /v1/submissions in two calls (server/submission-group.ts). As functions, their statements are
-- planned once per connection instead of on every call: the planning, not the writing, was most of a group's cost.

-- Claims each job's key, creates the submission (and its sources) of each claimed job whose draft has no live one,
-- and takes the sync version counter once for every created submission whose draft enters review (the archive has
-- no synced draft of that id, or the author's own copy may be submitted). One row per job, in job order, with
-- what the job is answered from: the created submission, else the draft's live one, else the stored answer.
-- jobs: [{i, user_id, key, hash, claim, body}] (claim false: only an existing answer is looked up).
create function create_submissions(jobs jsonb, submittable text[])
  returns table (is_claimed boolean, is_entering boolean, top_version bigint, created_row json, live_row json, stored_row json)
  language plpgsql as $$
#variable_conflict use_column
begin
  return query
  with job as (
    select j.*, (j.body->>'draftId')::uuid as draft_id
    from jsonb_to_recordset(jobs) as j(i integer, user_id uuid, key text, hash text, claim boolean, body jsonb)
  ), claimed as (
    insert into idempotency_keys (user_id, key, request_hash, status_code, response_body)
    select user_id, key, hash, 0, '' from job where claim
    on conflict (user_id, key) do nothing returning user_id, key
  ), created as (
    insert into submissions (draft_id, submitted_by, title, body, request_hash)
    select job.draft_id, job.user_id, job.body->>'title', job.body, job.hash from job join claimed using (user_id, key)
    where not exists (select from submissions s where s.draft_id = job.draft_id and s.status <> 'rejected' and s.duplicate_of is null)
    order by job.i
    on conflict (draft_id) where status <> 'rejected' and duplicate_of is null do nothing
    returning id, draft_id, status, archive_id, title, received_at, submitted_by, request_hash
  ), cited as (
    insert into submission_sources (submission_id, position, url)
    select created.id, source.ord - 1, source.value->>'url'
    from created join job using (draft_id), jsonb_array_elements(job.body->'sources') with ordinality as source(value, ord)
  ), entering as (
    select created.draft_id from created
    where not exists (select from sync_drafts d where d.id = created.draft_id and (d.owner_id <> created.submitted_by or d.review_state <> all(submittable)))
  ), counted as (
    update sync_meta set version = version + (select count(*) from entering) where exists (select from entering) returning version
  )
  select claimed.key is not null, entering.draft_id is not null, (select version from counted),
    case when created.id is not null then to_json(created) end,
    case when live.id is not null then to_json(live) end,
    case when stored.request_hash is not null then to_json(stored) end
  from job
  left join claimed using (user_id, key)
  left join created using (draft_id)
  left join entering using (draft_id)
  -- "limit 1" keeps each lookup an index probe per job, whatever the planner guesses of the jobs' number.
  left join lateral (
    select s.id, s.draft_id, s.status, s.archive_id, s.title, s.received_at, s.submitted_by, s.request_hash
    from submissions s where s.draft_id = job.draft_id and s.status <> 'rejected' and s.duplicate_of is null limit 1
  ) live on created.id is null
  left join lateral (
    select k.request_hash, k.status_code, k.response_body, k.submission_id
    from idempotency_keys k where k.user_id = job.user_id and k.key = job.key limit 1
  ) stored on claimed.key is null
  order by job.i;
end $$;

-- Stores each answer under its key (a claimed key's, or a new key's for a draft the archive already had),
-- releases the claimed keys of refused jobs, and writes each draft entering review with its audit event.
-- Returns the ids of the drafts written (a draft that appeared meanwhile is not: its author's copy is submitted instead).
-- answers: [{user_id, key, hash, status, body, submission_id}]; released: [{user_id, key}]; drafts: [{id, owner_id, version, state}].
create function answer_submissions(answers jsonb, released jsonb, written_at timestamptz, drafts jsonb, reason text)
  returns setof uuid
  language plpgsql as $$
#variable_conflict use_column
begin
  return query
  with answered as (
    insert into idempotency_keys (user_id, key, request_hash, status_code, response_body, submission_id)
    select a.user_id, a.key, a.hash, a.status, a.body, a.submission_id
    from jsonb_to_recordset(answers) as a(user_id uuid, key text, hash text, status integer, body text, submission_id text)
    on conflict (user_id, key) do update set status_code = excluded.status_code, response_body = excluded.response_body, submission_id = excluded.submission_id
      where idempotency_keys.status_code = 0
  ), dropped as (
    delete from idempotency_keys k using jsonb_to_recordset(released) as r(user_id uuid, key text)
    where k.user_id = r.user_id and k.key = r.key and k.status_code = 0
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
