-- The working-day calendar: national holidays (editable at run time), special working days,
-- office closures and hours, the clocks of open items, and a record of every change.

create table holidays (
  id              integer generated always as identity primary key,
  office_id       integer references offices (id),          -- null: national
  date            date not null,
  name_bn         text not null,
  name_en         text,
  kind            text not null check (kind in ('general', 'executive_order', 'optional', 'local_closure')),
  moon_dependent  boolean not null default false,
  confirmed       boolean not null default true,
  source          text,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  check ((kind = 'local_closure') = (office_id is not null))
);
create unique index holidays_national_unique on holidays (date, name_bn) where office_id is null;
create unique index holidays_office_unique on holidays (office_id, date, name_bn) where office_id is not null;
create index holidays_date_idx on holidays (date);

create table special_working_days (
  id          integer generated always as identity primary key,
  office_id   integer references offices (id),              -- null: national
  date        date not null,
  name_bn     text not null,
  name_en     text,
  source      text,
  created_at  timestamptz not null default now()
);
create unique index special_working_days_unique on special_working_days (coalesce(office_id, 0), date);

-- which holiday data files have been loaded, so a restart never re-adds what was removed
create table holiday_years (
  year        integer primary key,
  source      text,
  loaded_at   timestamptz not null default now()
);

create table office_hours (
  office_id        integer primary key references offices (id),
  weekly_holidays  integer[] not null default '{5,6}',     -- ISO weekdays, 5 = Friday
  opening          text not null default '09:00' check (opening ~ '^[0-2][0-9]:[0-5][0-9]$'),
  closing          text not null default '17:00' check (closing ~ '^[0-2][0-9]:[0-5][0-9]$')
);

-- One clock per item with a promised deadline (a request, a grievance, an RTI request).
create table deadline_clocks (
  id            integer generated always as identity primary key,
  subject_type  text not null,
  subject_id    text not null,
  office_id     integer not null references offices (id),
  received_at   timestamptz not null,
  time_limit    jsonb not null,
  pauses        jsonb not null default '[]'::jsonb,
  expected_at   timestamptz,
  due_at        timestamptz,
  rule          text not null,
  status        text not null default 'open' check (status in ('open', 'closed')),
  closed_at     timestamptz,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  unique (subject_type, subject_id)
);
create index deadline_clocks_open_idx on deadline_clocks (office_id) where status = 'open';

create table calendar_changes (
  id           integer generated always as identity primary key,
  changed_at   timestamptz not null default now(),
  actor        text not null,
  action       text not null,
  office_id    integer references offices (id),
  detail       jsonb not null,
  moved_clocks jsonb not null default '[]'::jsonb            -- [{clock_id, subject, from, to}]
);
create index calendar_changes_at_idx on calendar_changes (changed_at);
