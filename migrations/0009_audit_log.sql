-- The audit log: one row per change made by anyone (a signed-in user, the CLI, the API token,
-- the system), append-only and hash-chained. Each row stores the hash of the row before it
-- (prev_hash) and its own hash over prev_hash and its content (src/audit/audit-chain.ts), so an
-- edited, removed or reordered row is found by `audit verify`.

create table audit_log (
  id            bigint generated always as identity primary key,
  at            timestamptz not null,           -- set by the writer (millisecond precision): it is hashed
  actor_user_id integer,                        -- users.id; no foreign key, so the log outlives any account
  actor_label   text not null,                  -- e-mail or name, 'cli:<os user>', 'api-token', 'system'
  ip            text,
  action        text not null,                  -- 'calendar.holiday.add', 'charter.publish', 'user.create', …
  office_id     integer references offices (id),
  subject_type  text,
  subject_id    text,
  before        jsonb,
  after         jsonb,
  -- unique: two rows can never follow the same row, so even a writer that skipped the lock
  -- could not fork the chain
  prev_hash     text not null unique,
  hash          text not null unique
);
create index audit_log_office_idx on audit_log (office_id, id);
create index audit_log_at_idx on audit_log (at);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op
    using hint = 'audit rows are only ever inserted; see README.md, "Audit log"';
end;
$$;

-- For every role, the table's owner included, as long as the trigger is enabled: disabling it
-- takes the owner or a superuser, and a row changed meanwhile breaks the hash chain.
create trigger audit_log_append_only
  before update or delete or truncate on audit_log
  for each statement execute function audit_log_append_only();

revoke update, delete, truncate on audit_log from public;
