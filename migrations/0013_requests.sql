-- Service requests: a citizen's application for a charter service, on whatever channel it came,
-- from receipt to delivery or rejection, with its public and internal history.

-- The short code that opens an office's tracking numbers (JSR in JSR-2026-000123-6), chosen when
-- the office receives its first request and never changed after: numbers already given out use it.
create table request_office_codes (
  office_id integer primary key references offices (id),
  code      text not null unique check (code ~ '^[A-Z]{2,6}$')
);

-- The last sequence number given per office and year. Taken with an upsert in the request's own
-- transaction: the row lock orders concurrent requests (on any number of app instances), and a
-- request that rolls back gives its number back, so numbers never repeat and leave no gaps.
create table request_sequences (
  office_id  integer not null references offices (id),
  year       smallint not null,
  last_value integer not null,
  primary key (office_id, year)
);

create table service_requests (
  id                 bigint generated always as identity primary key,
  office_id          integer not null references offices (id),
  tracking_number    text not null unique,
  year               smallint not null,
  sequence_no        integer not null,
  -- the service as the charter in force at receipt promised it: later versions move no promise
  service_code       text not null,
  charter_version_id integer not null references charter_versions (id),
  service_name_bn    text not null,
  service_name_en    text,
  channel            text not null check (channel in ('online', 'in_person', 'phone', 'email', 'letter', 'rti_form', 'api')),
  received_at        timestamptz not null,
  citizen_name       text not null,
  citizen_mobile     text check (citizen_mobile ~ '^01[3-9][0-9]{8}$'),
  citizen_email      text,
  citizen_address    text,
  details            text not null default '',
  status             text not null default 'submitted'
                     check (status in ('submitted', 'accepted', 'returned', 'in_progress', 'delivered', 'rejected', 'transferred')),
  assigned_user_id   integer references users (id),
  -- kept equal to the request's deadline clock by the trigger below; null: no fixed time limit
  due_at             timestamptz,
  has_time_limit     boolean not null,
  closed_at          timestamptz,
  -- delivered by the due moment; null while open, when rejected, or with no fixed limit
  on_time            boolean,
  rejection_reason   text,
  transferred_to     bigint references service_requests (id),
  transferred_from   bigint references service_requests (id),
  created_by_user_id integer references users (id),
  -- the online form's one-time key: sending the form twice (a refresh, a double tap) gives back
  -- the request the first sending made instead of a second one
  submission_key     text,
  updated_at         timestamptz not null default now(),
  unique (office_id, year, sequence_no),
  unique (office_id, submission_key)
);
-- the office's queue: open requests by due moment (no limit last); closed ones by when they closed
create index service_requests_open_queue_idx on service_requests (office_id, due_at nulls last, id)
  where status not in ('delivered', 'rejected', 'transferred');
create index service_requests_assigned_idx on service_requests (assigned_user_id, due_at nulls last, id)
  where status not in ('delivered', 'rejected', 'transferred');
create index service_requests_closed_idx on service_requests (office_id, closed_at desc, id desc)
  where status in ('delivered', 'rejected', 'transferred');
-- the two tabs whose requests have no due moment, oldest first
create index service_requests_returned_idx on service_requests (office_id, id) where status = 'returned';
create index service_requests_no_limit_idx on service_requests (office_id, id)
  where not has_time_limit and status not in ('delivered', 'rejected', 'transferred');
-- a draft charter version that is thrown away is checked against the requests that keep versions
create index service_requests_version_idx on service_requests (charter_version_id);

-- Everything that happened to a request. Public events are shown on the citizen's tracking page;
-- internal ones (notes, assignment) only to staff.
create table request_events (
  id             bigint generated always as identity primary key,
  request_id     bigint not null references service_requests (id),
  at             timestamptz not null default now(),
  action         text not null,
  public         boolean not null,
  status_after   text not null,
  actor_user_id  integer references users (id),
  actor_label    text not null,
  -- what the citizen or staff are told: the missing documents, the rejection's reason, a note
  note           text
);
create index request_events_request_idx on request_events (request_id, id);

-- The deadline clock is the calendar's (deadline_clocks, subject 'request:<tracking number>', the
-- name the calendar's "deadlines moved" lists show staff): it moves when
-- holidays or office hours change. The request's copy of the due moment follows it here, in the
-- same transaction, so the queue can sort and filter on one table's index.
create function request_due_follows_clock() returns trigger language plpgsql as $$
begin
  update service_requests set due_at = new.due_at where tracking_number = new.subject_id and due_at is distinct from new.due_at;
  return null;
end;
$$;
create trigger request_due_follows_clock
  after insert or update of due_at on deadline_clocks
  for each row when (new.subject_type = 'request')
  execute function request_due_follows_clock();

-- Wrong guesses on the citizen's tracking page, per address, so that every instance sees them
-- and a tracking number cannot be paired with mobile digits by trying them all.
create table tracking_failures (
  id              bigint generated always as identity primary key,
  ip              text not null,
  -- the number asked for, when it had the right shape: guesses at one number count wherever they come from
  tracking_number text,
  at              timestamptz not null default now()
);
create index tracking_failures_ip_idx on tracking_failures (ip, at);
create index tracking_failures_number_idx on tracking_failures (tracking_number, at);
create index tracking_failures_at_idx on tracking_failures (at);

-- Online applications by address and by mobile number: each one sends an SMS at the office's
-- cost, so a script must not file them without end, nor send them to someone else's phone.
create table online_submissions (
  id     bigint generated always as identity primary key,
  ip     text not null,
  mobile text not null,
  at     timestamptz not null default now()
);
create index online_submissions_ip_idx on online_submissions (ip, at);
create index online_submissions_mobile_idx on online_submissions (mobile, at);
create index online_submissions_at_idx on online_submissions (at);
