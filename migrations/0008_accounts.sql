-- Accounts: staff users, their roles at a place in the hierarchy, sessions and API tokens.
-- Citizens need no account. Tokens (session cookies, API tokens) are stored as SHA-256
-- digests only, so a copy of the database does not let anyone sign in.

create table users (
  id              integer generated always as identity primary key,
  email           text not null unique check (email = lower(email) and email like '%_@_%'),
  mobile          text unique,
  name_bn         text not null,
  name_en         text,
  password_hash   text,                                  -- argon2id; null until the invitation is accepted
  status          text not null default 'active' check (status in ('invited', 'active', 'disabled')),
  created_at      timestamptz not null default now(),
  password_changed_at timestamptz
);

-- A role is held at one scope: system administrators everywhere; supervisors over a place
-- (division, district, upazila) or an organisation and everything under it; the other roles
-- in one office.
create table role_grants (
  id              integer generated always as identity primary key,
  user_id         integer not null references users (id) on delete cascade,
  role            text not null check (role in ('office_staff', 'officer', 'office_admin', 'supervisor', 'system_admin')),
  office_id       integer references offices (id),
  place_id        integer references places (id),
  organisation_id integer references organisations (id),
  granted_at      timestamptz not null default now(),
  check (case role
           when 'system_admin' then num_nonnulls(office_id, place_id, organisation_id) = 0
           when 'supervisor' then office_id is null and num_nonnulls(place_id, organisation_id) = 1
           else office_id is not null and place_id is null and organisation_id is null
         end)
);
create unique index role_grants_unique_idx
  on role_grants (user_id, role, coalesce(office_id, 0), coalesce(place_id, 0), coalesce(organisation_id, 0));
create index role_grants_office_idx on role_grants (office_id) where office_id is not null;

create table sessions (
  token_hash      text primary key,
  user_id         integer not null references users (id) on delete cascade,
  created_at      timestamptz not null default now(),
  last_seen_at    timestamptz not null default now(),
  expires_at      timestamptz not null,
  ip              text,
  user_agent      text
);
create index sessions_user_idx on sessions (user_id);
create index sessions_expires_idx on sessions (expires_at);

create table api_tokens (
  id              integer generated always as identity primary key,
  user_id         integer not null references users (id) on delete cascade,
  name            text not null,
  token_hash      text not null unique,
  created_at      timestamptz not null default now(),
  last_used_at    timestamptz,
  revoked_at      timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Failed sign-ins, for throttling that holds across app instances. Kept by the address typed,
-- whether or not it has an account, so a lock-out tells nobody which addresses exist.
create table login_failures (
  id              bigint generated always as identity primary key,
  email           text not null,
  ip              text not null,
  at              timestamptz not null default now()
);
create index login_failures_email_at_idx on login_failures (email, at);
create index login_failures_ip_at_idx on login_failures (ip, at);
