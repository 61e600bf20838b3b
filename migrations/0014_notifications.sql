-- Messages to citizens and staff (SMS and e-mail), each written in the transaction of the change
-- it tells of and sent afterwards by the job queue; kept, sent or failed, so none is lost silently.
create table notifications (
  id           bigint generated always as identity primary key,
  office_id    integer references offices (id),
  -- what it is about: ('request', 'JSR-2026-000123-6')
  subject_type text,
  subject_id   text,
  channel      text not null check (channel in ('sms', 'email')),
  recipient    text not null,
  template     text not null,
  subject      text,                          -- e-mail only
  body         text not null,
  -- SMS: the encoding and the number of messages the network will charge for
  encoding     text check (encoding in ('gsm7', 'ucs2')),
  segments     smallint,
  status       text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  attempts     smallint not null default 0,
  last_error   text,
  -- who carried it: 'console' (kept here, shown to administrators), 'http', 'smtp', 'outbox'
  gateway      text,
  created_at   timestamptz not null default now(),
  sent_at      timestamptz
);
create index notifications_recent_idx on notifications (created_at desc, id desc);
create index notifications_office_idx on notifications (office_id, created_at desc, id desc);
create index notifications_subject_idx on notifications (subject_type, subject_id);
