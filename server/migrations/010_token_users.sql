-- The bearer token checks of the requests that arrived together, in one call (server/auth.ts): one round trip
-- for all of them instead of one each. Planned once per connection; it replaces token_user (migration 009).
create function token_users(hashes text[])
  returns table (token_hash text, id uuid, name text, role text)
  language plpgsql stable as $$
begin
  return query
  select t.token_hash, u.id, u.name, u.role from api_tokens t join users u on u.id = t.user_id
  where t.token_hash = any(hashes) and t.revoked_at is null;
end $$;

drop function token_user(text);
