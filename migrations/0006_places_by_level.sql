-- Places are keyed by their level: a district may share its slug with its division (the eight
-- districts named like their division, e.g. Sylhet), which until now merged into the division's
-- row. Directory counts read indexes on the offices that have a published charter.

alter table places drop constraint places_slug_key;
alter table places add constraint places_kind_slug_key unique (kind, slug);

-- A district that was merged into its division gets its own row, under that division, and
-- takes back its upazilas and the offices placed at it (no office is ever placed at a division).
insert into places (parent_id, kind, slug, name_bn, name_en)
select v.id, 'district', v.slug, v.name_bn, v.name_en
from places v
where v.kind = 'division'
  and (exists (select 1 from places u where u.parent_id = v.id and u.kind = 'upazila')
       or exists (select 1 from offices o where o.place_id = v.id));

update places u set parent_id = d.id
from places v, places d
where u.parent_id = v.id and u.kind = 'upazila'
  and v.kind = 'division' and d.kind = 'district' and d.slug = v.slug and d.parent_id = v.id;

update offices o set place_id = d.id
from places v, places d
where o.place_id = v.id and v.kind = 'division'
  and d.kind = 'district' and d.slug = v.slug and d.parent_id = v.id;

-- An office on <code>.<district>.gov.bd, where <code> is a department's web label, was placed
-- under an invented upazila "<district>-<code>": it is a district office. The labels are those
-- data/organisations.json knew when this migration was written.
create temporary table department_host_labels (label text primary key) on commit drop;
insert into department_host_labels (label) values ('cabinet'), ('mopa'), ('mof'), ('ird'), ('erd'), ('fid'), ('nbr'), ('nationalsavings'), ('cga'), ('plandiv'), ('sid'), ('imed'), ('bbs'), ('mha'), ('psd'), ('ssd'), ('police'), ('bgb'), ('ansarvdp'), ('coastguard'), ('fireservice'), ('dip'), ('dnc'), ('prison'), ('lawjusticediv'), ('legislativediv'), ('nlaso'), ('mofa'), ('mod'), ('bmd'), ('moa'), ('dae'), ('dam'), ('sca'), ('badc'), ('bari'), ('brri'), ('srdi'), ('mofl'), ('fisheries'), ('dls'), ('mofood'), ('dgfood'), ('bfsa'), ('modmr'), ('ddm'), ('minland'), ('land'), ('dlrs'), ('lrb'), ('mohfw'), ('hsd'), ('mefwd'), ('dghs'), ('dgda'), ('dgfp'), ('dgme'), ('dgnm'), ('moedu'), ('shed'), ('tmed'), ('dshe'), ('dia'), ('nctb'), ('banbeis'), ('techedu'), ('dme'), ('mopme'), ('dpe'), ('bnfe'), ('lgd'), ('rdcd'), ('lged'), ('dphe'), ('brdb'), ('coop'), ('ptd'), ('ictd'), ('doict'), ('bcc'), ('bdpost'), ('btrc'), ('rthd'), ('brta'), ('rhd'), ('railway'), ('mos'), ('biwta'), ('mocat'), ('mincom'), ('dncrp'), ('moind'), ('bscic'), ('bsti'), ('dpdt'), ('mole'), ('dife'), ('dol'), ('probashi'), ('bmet'), ('msw'), ('dss'), ('mowca'), ('dwa'), ('jms'), ('moysports'), ('dyd'), ('mora'), ('islamicfoundation'), ('moca'), ('archaeology'), ('molwa'), ('mochta'), ('moi'), ('dmc'), ('dfp'), ('betar'), ('btv'), ('moef'), ('doe'), ('bforest'), ('mowr'), ('bwdb'), ('mohpw'), ('pwd'), ('rajuk'), ('nha'), ('most'), ('mpemr'), ('powerdivision'), ('emrd'), ('reb'), ('explosives'), ('motj'), ('dot'), ('ecs');

with hosts as (
  select o.id,
         regexp_replace(lower(substring(o.website from '^[A-Za-z][A-Za-z0-9+.-]*://([^/:?#]+)')), '^www\.|\.gov\.bd$', '', 'g') as host
  from offices o
  where o.website is not null
)
update offices o set place_id = d.id
from hosts h, places u, places d
where h.id = o.id and u.id = o.place_id and u.kind = 'upazila' and d.id = u.parent_id and d.kind = 'district'
  and h.host ~ '^[a-z0-9-]+\.[a-z0-9-]+$'
  and split_part(h.host, '.', 1) in (select label from department_host_labels)
  and u.slug = d.slug || '-' || split_part(h.host, '.', 1);

delete from places u
using places d
where u.kind = 'upazila' and d.id = u.parent_id and d.kind = 'district'
  and u.slug in (select d.slug || '-' || label from department_host_labels)
  and not exists (select 1 from offices o where o.place_id = u.id)
  and not exists (select 1 from places c where c.parent_id = u.id);

-- Statutory bodies (authorities, boards, corporations, institutes) sit beside departments.
alter table organisations drop constraint organisations_kind_check;
alter table organisations add constraint organisations_kind_check
  check (kind in ('ministry', 'division', 'department', 'directorate', 'authority'));

-- The directory: offices with a published charter, by place or by organisation, in name order
-- (counts by place_id / organisation_id read the same indexes).
drop index offices_published_idx;
create index offices_published_place_idx on offices (place_id, name_bn, id) where published_charter_version_id is not null;
create index offices_published_organisation_idx on offices (organisation_id, name_bn, id) where published_charter_version_id is not null;

-- The directory's search: one lower-cased text per office to match a fragment against, instead
-- of five case-insensitive matches per row (the fields apart, so no match spans two of them).
alter table offices add column search_text text generated always as (
  lower(name_bn || E'\n' || coalesce(name_en, '') || E'\n' || coalesce(address_bn, '') || E'\n' || coalesce(address_en, '') || E'\n' || slug)
) stored;
