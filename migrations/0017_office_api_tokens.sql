-- API tokens that belong to an office, for integrations: they act only for that office and only
-- on its requests, whatever their creator may do. Personal tokens (from 0008) keep office_id null.
alter table api_tokens add column office_id integer references offices (id) on delete cascade;

create index api_tokens_office_idx on api_tokens (office_id) where office_id is not null;
