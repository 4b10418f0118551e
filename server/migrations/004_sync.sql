-- Sync: each device's acknowledged ops, the drafts as synced, and the archive's epoch and version counter.

-- One row: a random epoch (a restored backup keeps it, but its version is behind the clients' cursors;
-- a new database gets a new one) and the version counter every change takes its number from.
create table sync_meta (
  id boolean primary key default true check (id),
  epoch text not null,
  version bigint not null default 0
);
insert into sync_meta (epoch) values (replace(gen_random_uuid()::text, '-', ''));

-- A device (browser profile) of one user, and the highest seq of its ops the archive has applied.
create table sync_clients (
  client_id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  acked_through integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The synced draft (src/core/sync/state.ts) with the columns pulls filter and order by.
create table sync_drafts (
  id uuid primary key,
  owner_id uuid not null references users (id),
  review_state text not null,
  version bigint not null,
  updated_by uuid not null references users (id),
  updated_at timestamptz not null default now(),
  state jsonb not null
);
create index sync_drafts_owner_version_idx on sync_drafts (owner_id, version);
create index sync_drafts_in_review_version_idx on sync_drafts (version) where review_state <> 'draft';

-- Every op received, once per (client, seq): who sent it and what became of it (replayed to retries).
create table sync_ops (
  client_id uuid not null,
  seq integer not null,
  op_id text,
  user_id uuid not null references users (id),
  draft_id uuid,
  status text not null check (status in ('applied', 'merged', 'conflict', 'rejected')),
  reason text,
  version bigint,
  received_at timestamptz not null default now(),
  primary key (client_id, seq)
);
create index sync_ops_draft_idx on sync_ops (draft_id, version);
