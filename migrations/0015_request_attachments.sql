-- Files that go with a service request (the documents a charter asks for): given by the citizen
-- on the online form or added by staff. Kept in the database, not on one instance's disk, so that
-- every instance serves them and a backup of the database holds them with their request.
create table request_attachments (
  id                  bigint generated always as identity primary key,
  request_id          bigint not null references service_requests (id),
  -- as the sender named it, without any folder or control characters: shown, never trusted
  file_name           text not null check (length(file_name) between 1 and 200),
  -- what the bytes are, found from their content; the name and the sender's type are not believed
  media_type          text not null check (media_type in ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes          integer not null check (size_bytes > 0),
  sha256              text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  content             bytea not null,
  uploaded_at         timestamptz not null default now(),
  -- null for the citizen, who has no account
  uploaded_by_user_id integer references users (id),
  given_by            text not null check (given_by in ('citizen', 'staff')),
  check (size_bytes = octet_length(content)),
  check (given_by = 'staff' or uploaded_by_user_id is null)
);
create index request_attachments_request_idx on request_attachments (request_id, id);
