-- The bearer token check every request makes, as a function: its statement is planned once per connection
-- instead of on every request (on PGlite the planning cost more than the lookup).
create function token_user(hash text)
  returns table (id uuid, name text, role text)
  language plpgsql stable as $$
begin
  return query
  select u.id, u.name, u.role from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = hash and t.revoked_at is null;
end $$;
