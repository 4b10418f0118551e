-- Users, hashed API tokens, submissions and their sources, idempotency records.

create table users (
  id uuid primary key,
  name text not null,
  role text not null check (role in ('editor', 'reviewer')),
  created_at timestamptz not null default now()
);

-- Only the SHA-256 (hex) of a token is stored; the token itself is shown once.
create table api_tokens (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create sequence submission_number_seq;

create function format_submission_id(n bigint) returns text
  language sql immutable
  as $$ select 'INC-' || case when n < 1000000 then lpad(n::text, 6, '0') else n::text end $$;

create table submissions (
  id text primary key default format_submission_id(nextval('submission_number_seq')),
  draft_id uuid not null,
  submitted_by uuid not null references users (id),
  status text not null default 'received' check (status in ('received', 'accepted', 'rejected')),
  archive_id text unique,
  title text not null,
  body jsonb not null,
  received_at timestamptz not null default now(),
  reviewed_by uuid references users (id),
  reviewed_at timestamptz,
  review_comment text
);
create index submissions_draft_idx on submissions (draft_id);

create table submission_sources (
  submission_id text not null references submissions (id) on delete cascade,
  position integer not null,
  url text not null,
  primary key (submission_id, position)
);
create index submission_sources_url_idx on submission_sources (url);

-- One row per (user, Idempotency-Key): the request's hash and the exact response that was sent.
create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null,
  request_hash text not null,
  status_code integer not null,
  response_body text not null,
  submission_id text references submissions (id),
  created_at timestamptz not null default now(),
  primary key (user_id, key)
);
create index idempotency_keys_created_idx on idempotency_keys (created_at);
