-- The directory's revision: one number that changes with anything the office directory shows
-- (an office added, renamed, moved or given a newly published charter; a place or an
-- organisation added or renamed). Every instance keys its cached directory pages on it, read
-- with one look at one row, so a change shows at once everywhere without a message between them.

create table directory_revision (
  only_row  boolean primary key default true check (only_row),
  revision  bigint not null
);
insert into directory_revision (revision) values (1);

-- Bumped by the transaction that makes the change, at its commit (deferred triggers), once per
-- transaction however many rows it writes. At commit the row is locked only for the moment of
-- committing, so writers never wait on each other for the length of an import, and whoever
-- reads the new number also sees the changes it stands for. A sequence would not do: its next
-- value is visible before the transaction that took it commits, and a page rendered in between
-- would be kept under the new number without the change.
create function bump_directory_revision() returns trigger language plpgsql as $$
begin
  if current_setting('protishruti.directory_revision_bumped', true) is distinct from 'on' then
    update directory_revision set revision = revision + 1;
    perform set_config('protishruti.directory_revision_bumped', 'on', true);
  end if;
  return null;
end
$$;

create constraint trigger offices_directory_revision after insert or delete on offices
  deferrable initially deferred for each row execute function bump_directory_revision();
create constraint trigger offices_directory_revision_update after update on offices
  deferrable initially deferred for each row when (old.* is distinct from new.*) execute function bump_directory_revision();
create constraint trigger places_directory_revision after insert or delete on places
  deferrable initially deferred for each row execute function bump_directory_revision();
create constraint trigger places_directory_revision_update after update on places
  deferrable initially deferred for each row when (old.* is distinct from new.*) execute function bump_directory_revision();
create constraint trigger organisations_directory_revision after insert or delete on organisations
  deferrable initially deferred for each row execute function bump_directory_revision();
create constraint trigger organisations_directory_revision_update after update on organisations
  deferrable initially deferred for each row when (old.* is distinct from new.*) execute function bump_directory_revision();
