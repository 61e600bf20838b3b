-- Organisations, places, offices and their charters (every version kept forever).

create table places (
  id          integer generated always as identity primary key,
  parent_id   integer references places (id),
  kind        text not null check (kind in ('division', 'district', 'upazila', 'union')),
  slug        text not null unique,
  name_bn     text not null,
  name_en     text
);
create index places_parent_idx on places (parent_id);

create table organisations (
  id          integer generated always as identity primary key,
  parent_id   integer references organisations (id),
  kind        text not null check (kind in ('ministry', 'division', 'department', 'directorate')),
  slug        text not null unique,
  name_bn     text not null,
  name_en     text
);
create index organisations_parent_idx on organisations (parent_id);

create table offices (
  id               integer generated always as identity primary key,
  slug             text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  organisation_id  integer references organisations (id),
  place_id         integer references places (id),
  name_bn          text not null,
  name_en          text,
  address_bn       text,
  address_en       text,
  website          text,
  phone            text,
  email            text,
  created_at       timestamptz not null default now()
);
create index offices_place_idx on offices (place_id);
create index offices_organisation_idx on offices (organisation_id);

create table charter_versions (
  id               integer generated always as identity primary key,
  office_id        integer not null references offices (id),
  version_no       integer not null,
  status           text not null default 'draft' check (status in ('draft', 'published', 'archived')),
  created_at       timestamptz not null default now(),
  published_at     timestamptz,
  archived_at      timestamptz,
  source_name      text,
  source_text      text,
  -- the office as this charter printed it (the offices row holds the current details)
  office_name_bn   text,
  office_name_en   text,
  office_parent_bn text,
  office_address_bn text,
  office_website   text,
  vision_bn        text,
  vision_en        text,
  mission_bn       text,
  mission_en       text,
  warnings         jsonb not null default '[]'::jsonb,
  unique (office_id, version_no),
  check ((status = 'draft') = (published_at is null))
);
create unique index charter_versions_one_published on charter_versions (office_id) where status = 'published';

create table charter_services (
  id                 integer generated always as identity primary key,
  charter_version_id integer not null references charter_versions (id),
  position           integer not null,
  category           text not null check (category in ('citizen', 'institutional', 'internal', 'multi_office')),
  serial             integer not null,
  name_bn            text,
  name_en            text,
  delivery_methods   text[] not null default '{}',
  documents_bn       text,
  documents_en       text,
  fee_text           text,
  fee_free           boolean not null default false,
  fee_amount_bdt     numeric(14, 2),
  time_limit_text    text,
  time_immediate     boolean not null default false,
  time_min           numeric(10, 2),
  time_max           numeric(10, 2),
  time_unit          text check (time_unit in ('working_day', 'calendar_day', 'hour', 'month')),
  time_conditional   boolean not null default false,
  time_on_demand     boolean not null default false,
  has_officer        boolean not null default false,
  officer_name_bn    text,
  officer_designation_bn text,
  officer_phone      text,
  officer_mobile     text,
  officer_email      text,
  officer_inferred   boolean not null default false,
  remedy_bn          text,
  remedy_en          text,
  source_line        integer,
  unique (charter_version_id, position)
);

create table charter_officers (
  id                 integer generated always as identity primary key,
  charter_version_id integer not null references charter_versions (id),
  position           integer not null,
  name_bn            text,
  name_en            text,
  designation_bn     text,
  designation_en     text,
  phone              text,
  mobile             text,
  email              text,
  unique (charter_version_id, position)
);

create table charter_grs_contacts (
  id                 integer generated always as identity primary key,
  charter_version_id integer not null references charter_versions (id),
  level              integer not null,
  role_bn            text,
  contact_bn         text,
  time_limit_text    text,
  time_immediate     boolean not null default false,
  time_min           numeric(10, 2),
  time_max           numeric(10, 2),
  time_unit          text check (time_unit in ('working_day', 'calendar_day', 'hour', 'month')),
  time_conditional   boolean not null default false,
  time_on_demand     boolean not null default false,
  position           integer not null,
  unique (charter_version_id, position)
);

create table charter_expectations (
  id                 integer generated always as identity primary key,
  charter_version_id integer not null references charter_versions (id),
  position           integer not null,
  text_bn            text not null,
  text_en            text,
  unique (charter_version_id, position)
);
