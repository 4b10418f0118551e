-- Review: the claim (a lease) on each synced draft, its published entry, the audit trail and the comments.

alter table sync_drafts
  add column claimed_by uuid references users (id),
  add column claimed_at timestamptz,
  add column claim_expires_at timestamptz,
  -- When the draft last entered the queue from the author's side (submit, resubmit): the queue's age.
  add column submitted_at timestamptz,
  -- The archive entry (an INC id of submission_number_seq) once published; set exactly once.
  add column published_id text unique references submissions (id);
create index sync_drafts_queue_idx on sync_drafts (review_state, submitted_at) where review_state <> 'draft';

-- Every change of review state or claim: who, when, from, to, why, and the revision it was decided on.
create table review_events (
  id bigint generated always as identity primary key,
  draft_id uuid not null references sync_drafts (id) on delete cascade,
  actor_id uuid not null references users (id),
  action text not null check (action in ('transition', 'claim', 'release', 'reopen')),
  from_state text not null,
  to_state text not null,
  decided_on bigint not null,
  new_version bigint not null,
  reason text,
  at timestamptz not null default now()
);
create index review_events_draft_idx on review_events (draft_id, id);

-- An author's content edit (a sync push) to a draft under review or approved sends it back to the queue
-- (src/core/sync/apply.ts); this ends the claim with it and records the reopening.
create function reopen_review() returns trigger language plpgsql as $$
begin
  insert into review_events (draft_id, actor_id, action, from_state, to_state, decided_on, new_version, reason)
  values (new.id, new.updated_by, 'reopen', old.review_state, new.review_state, old.version, new.version,
          'The author edited the draft after review began.');
  new.claimed_by := null;
  new.claimed_at := null;
  new.claim_expires_at := null;
  return new;
end $$;

create trigger sync_drafts_reopen_review before update on sync_drafts
  for each row when (old.review_state in ('in_review', 'approved') and new.review_state = 'submitted' and new.claimed_by is not null)
  execute function reopen_review();

create table review_comments (
  id uuid primary key,
  draft_id uuid not null references sync_drafts (id) on delete cascade,
  parent_id uuid references review_comments (id),
  author_id uuid not null references users (id),
  body text not null,
  -- What it is about: a field of the draft, a quote (by id), or the draft as a whole (both null).
  anchor_field text,
  anchor_quote_id uuid,
  -- The text it pointed at when written; kept when that text later changes (the comment is then outdated).
  quoted_text text,
  -- The whole value of the field or quote when written (JSON): when it differs from now, the comment is outdated.
  anchor_snapshot text,
  revision bigint not null,
  created_at timestamptz not null default now(),
  resolved_by uuid references users (id),
  resolved_at timestamptz,
  check (anchor_field is null or anchor_quote_id is null)
);
create index review_comments_draft_idx on review_comments (draft_id, created_at);

-- Drafts already sent to review before this migration keep their place in the queue.
update sync_drafts set submitted_at = updated_at where review_state <> 'draft';
