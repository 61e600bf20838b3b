-- Accounts, continued: invitations and password resets by e-mailed single-use tokens, TOTP
-- second factors, and the outbox that keeps mail when no SMTP server is configured.

-- Single-use tokens sent by mail. Only the SHA-256 digest is kept, like session secrets.
create table account_tokens (
  id              integer generated always as identity primary key,
  purpose         text not null check (purpose in ('invite', 'reset')),
  token_hash      text not null unique,
  user_id         integer not null references users (id) on delete cascade,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  used_at         timestamptz
);
create index account_tokens_user_idx on account_tokens (user_id, purpose);

-- Requests for a password-reset mail, for throttling by the address typed and by IP address
-- (kept whether or not the address has an account, so the limit tells nobody which exist).
create table password_reset_requests (
  id              bigint generated always as identity primary key,
  email           text not null,
  ip              text not null,
  at              timestamptz not null default now()
);
create index password_reset_requests_email_at_idx on password_reset_requests (email, at);
create index password_reset_requests_ip_at_idx on password_reset_requests (ip, at);

-- TOTP (RFC 6238). The secrets are stored as they are (base32): encryption at rest is a later
-- decision. totp_pending_secret is one being enrolled, until a code from it is confirmed;
-- totp_last_step is the time step of the last code accepted, so that no code is used twice.
alter table users
  add column totp_secret         text,
  add column totp_enabled_at     timestamptz,
  add column totp_pending_secret text,
  add column totp_last_step      bigint;

-- A session whose password was right but which still owes a second factor: 'code' (enrolled,
-- must type a code) or 'enrol' (must enrol first: REQUIRE_2FA). Such a session signs nobody in.
alter table sessions
  add column pending_step text check (pending_step in ('code', 'enrol'));

-- Mail kept instead of sent (development, or no SMTP_URL): listed at /admin/outbox.
create table mail_outbox (
  id              integer generated always as identity primary key,
  to_address      text not null,
  subject         text not null,
  body_text       text not null,
  created_at      timestamptz not null default now()
);
