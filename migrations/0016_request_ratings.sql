-- The citizen's rating of a delivered service: 1 to 5 with an optional comment, once per request.
create table request_ratings (
  request_id bigint primary key references service_requests (id),
  rating     smallint not null check (rating between 1 and 5),
  comment    text check (char_length(comment) <= 1000),
  at         timestamptz not null default now()
);
