-- lab: the post-pasteurisation sampling plan of each profile, and the plan's decision for each run. A run either
-- is sampled itself (it waits for its own culture) or rests on the latest sampled run (released on the strength of
-- that run's negative culture). Nothing is deleted: a decision is kept as it was made.

-- Every profile: HMBANA and Brazil culture every run (every batch, every lot); NICE at least every 10 runs or 30
-- days, whichever comes first. Italy and France: the reference is silent; they copy NICE as for every parameter the
-- lab adds (V130 copies them on a new database, this insert on a database where V130 already ran). A bank's own
-- profile copies the standard it came from (V130 adds bank profiles: on a new database this runs before it).
create temporary table lab_plan_profile (code text primary key, base text not null) on commit drop;
do $$
begin
    if exists (select 1 from information_schema.columns
               where table_schema = current_schema() and table_name = 'standard_profile'
                 and column_name = 'derived_from') then
        execute 'insert into lab_plan_profile select code, coalesce(derived_from, code) from standard_profile';
    else
        insert into lab_plan_profile select code, code from standard_profile;
    end if;
end $$;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'post-culture.every-runs',
       case p.base when 'HMBANA' then '1' when 'BRAZIL' then '1' else '10' end,
       case p.base
           when 'NICE' then 'NICE CG93 1.6.14: a post-pasteurisation culture at least every 10 runs or monthly'
           when 'HMBANA' then 'HMBANA Standards 2020: every batch is cultured after pasteurisation'
           when 'BRAZIL' then 'ANVISA RDC 171/2006, rBLH BLH-IFF/NT 47.21: every lot is cultured after pasteurisation'
           when 'ITALY' then 'Reference silent for Italy: copied from NICE (NICE CG93 1.6.14: every 10 runs or monthly)'
           when 'FRANCE' then 'Reference silent for France: copied from NICE (NICE CG93 1.6.14: every 10 runs or monthly)'
           else 'Reference 5: sampling after pasteurisation'
       end
from lab_plan_profile p
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'post-culture.every-days',
       case p.base when 'HMBANA' then '0' when 'BRAZIL' then '0' else '30' end,
       case p.base
           when 'NICE' then 'NICE CG93 1.6.14: a post-pasteurisation culture at least every 10 runs or monthly'
           when 'HMBANA' then 'HMBANA Standards 2020: every batch is cultured after pasteurisation (no day rule)'
           when 'BRAZIL' then 'ANVISA RDC 171/2006, rBLH BLH-IFF/NT 47.21: every lot is cultured (no day rule)'
           when 'ITALY' then 'Reference silent for Italy: copied from NICE (NICE CG93 1.6.14: every 10 runs or monthly)'
           when 'FRANCE' then 'Reference silent for France: copied from NICE (NICE CG93 1.6.14: every 10 runs or monthly)'
           else 'Reference 5: sampling after pasteurisation'
       end
from lab_plan_profile p
on conflict do nothing;

create table lab_run_plan (
    run_id          uuid primary key,
    run_label       text        not null,
    run_day         date        not null,
    decided_at      timestamptz not null,
    decided_by      text        not null,
    profile_code    text        not null,
    sampled         boolean     not null,
    reason          text check (reason in ('EVERY_RUN', 'FIRST_RUN', 'RUN_COUNT', 'DAYS', 'LAST_SAMPLE_POSITIVE')),
    rests_on        uuid references lab_run_plan (run_id),
    runs_since      integer     not null check (runs_since >= 0),
    days_since      integer check (days_since >= 0),
    version         bigint      not null default 0,
    check (sampled = (reason is not null)),
    check (sampled = (rests_on is null))
);
create index lab_run_plan_rests_on on lab_run_plan (rests_on);
create index lab_run_plan_decided on lab_run_plan (decided_at);

-- what other modules' reports read of the plan: each run, whether it was sampled, and the run it rests on
create view lab_run_plan_v as
select run_id, sampled, reason, rests_on, decided_at from lab_run_plan;
