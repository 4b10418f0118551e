-- What the archive requires of a draft before it takes it for review, served with the taxonomy
-- (GET /v1/taxonomy, `requiredToSubmit`). The extension's readiness checklist blocks on these.

create table submit_requirements (
  requirement text primary key,
  position integer not null
);

insert into submit_requirements (requirement, position) values
  ('title', 1),
  ('severity', 2),
  ('code', 3),
  ('provider', 4),
  ('rationale', 5),
  ('counterfactual', 6),
  ('quotedSource', 7);
