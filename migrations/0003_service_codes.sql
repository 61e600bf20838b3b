-- A service's identity across charter versions: a code (s1, s2, …) unique within its office for
-- all time. Each version's rows carry the code; the importer matches a new version's services
-- to the previous version's and never gives a retired code to another service.

alter table charter_services add column code text;

-- Existing rows: numbered per office in order of first appearance (version_no, then position).
-- Services that recur in later versions get fresh codes: no guessing here, only determinism.
update charter_services
set code = 's' || numbered.n
from (
  select s.id, row_number() over (partition by v.office_id order by v.version_no, s.position) as n
  from charter_services s
  join charter_versions v on v.id = s.charter_version_id
) as numbered
where numbered.id = charter_services.id;

alter table charter_services alter column code set not null;
alter table charter_services
  add constraint charter_services_code_format check (code ~ '^s[1-9][0-9]{0,5}$');

-- Finds a service by (office, code): the office's versions come from charter_versions
-- (office_id, version_no), then each version's service from this index in one probe.
alter table charter_services
  add constraint charter_services_version_code_key unique (charter_version_id, code);
