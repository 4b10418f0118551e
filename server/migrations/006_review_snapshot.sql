-- The draft as a reviewer's decision (changes requested, approved, rejected) saw it, kept on that decision's
-- audit entry: the next reviewer is shown what changed since, field by field.
alter table review_events add column reviewed_state jsonb;
