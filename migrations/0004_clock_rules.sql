-- Deadline clocks keep the engine's own rule (a charter time limit converted, or a statutory
-- rule such as RTI's 20 working days) instead of a charter time-limit cell, plus where the
-- rule came from, for traceability.

alter table deadline_clocks add column deadline_rule jsonb;
alter table deadline_clocks add column rule_source text;

-- the conversion the charters feature makes (src/charters/time-limit-rule.ts), for clocks
-- started before this migration
update deadline_clocks set
  rule_source = time_limit ->> 'text',
  deadline_rule = case
    when time_limit ->> 'unit' is null or time_limit ->> 'max' is null then
      case when (time_limit ->> 'immediate')::boolean
        then jsonb_build_object('unit', 'working_day', 'expected', 0, 'due', 0, 'immediate', true, 'label', time_limit -> 'text')
        else jsonb_build_object(
          'unit', null,
          'reason', case when (time_limit ->> 'on_demand')::boolean then 'on_demand' else 'no_duration' end,
          'label', time_limit -> 'text')
      end
    else (
      with amounts as (
        select
          case when time_limit ->> 'unit' = 'hour' then (time_limit ->> 'max')::numeric
               else ceil((time_limit ->> 'max')::numeric) end as due,
          case when time_limit ->> 'unit' = 'hour' then coalesce(time_limit ->> 'min', time_limit ->> 'max')::numeric
               else ceil(coalesce(time_limit ->> 'min', time_limit ->> 'max')::numeric) end as expected
      )
      select jsonb_build_object(
        'unit', time_limit ->> 'unit',
        'due', due,
        'expected', case when (time_limit ->> 'immediate')::boolean then 0 else least(due, expected) end,
        'immediate', (time_limit ->> 'immediate')::boolean,
        'label', time_limit -> 'text')
      from amounts
    )
  end;

alter table deadline_clocks alter column deadline_rule set not null;
alter table deadline_clocks drop column time_limit;
