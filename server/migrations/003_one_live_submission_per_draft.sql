-- One live (received or accepted) submission per draft. A draft submitted again under another
-- Idempotency-Key (an older backup restored, a second profile) gets the first submission back when
-- its body is the same, and a 409 otherwise; after a rejection it may be submitted anew.

-- The hash of the request that created each submission, to recognise the same body under a new key.
alter table submissions add column request_hash text;
update submissions s set request_hash = k.request_hash
  from idempotency_keys k where k.submission_id = s.id and k.status_code = 201;

-- Drafts submitted more than once before this rule: the oldest live submission stays the draft's,
-- the later ones are kept (nothing is lost) and point at it.
alter table submissions add column duplicate_of text references submissions (id);
update submissions s set duplicate_of = first.id
  from (select distinct on (draft_id) draft_id, id from submissions
        where status <> 'rejected' order by draft_id, received_at, id) first
  where s.draft_id = first.draft_id and s.status <> 'rejected' and s.id <> first.id;

create unique index submissions_one_live_per_draft on submissions (draft_id)
  where status <> 'rejected' and duplicate_of is null;
