-- Each office records which charter version it has published, so the office directory (owned
-- by offices) never reads the charters' tables, and a page cache can key on the version with
-- one indexed read.

alter table offices add column published_charter_version_id integer references charter_versions (id);
alter table offices add column charter_published_at timestamptz;
alter table offices add column published_service_count integer not null default 0;

update offices o set
  published_charter_version_id = v.id,
  charter_published_at = v.published_at,
  published_service_count = (select count(*) from charter_services s where s.charter_version_id = v.id)
from charter_versions v
where v.office_id = o.id and v.status = 'published';

create index offices_published_idx on offices (place_id) where published_charter_version_id is not null;
