-- A fee cell that names several amounts ("সাধারণ: ১০০ টাকা, জরুরি: ৩০০ টাকা") keeps them all:
-- [{"amount_bdt": 100, "condition_bn": "সাধারণ"}, …]. fee_amount_bdt stays the first of them.
alter table charter_services add column fee_schedule jsonb not null default '[]';
