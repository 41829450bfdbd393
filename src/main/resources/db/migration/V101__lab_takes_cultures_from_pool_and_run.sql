-- lab: the cultures recorded on pools (before pasteurisation) and runs (after) become the lab's samples, each with
-- the one read it had, and the columns leave pool and pasteurisation_run. A migrated sample's code is made from its
-- unit's id (no label was printed for it); its incubation start is unknown (taken = incubation start).
create temporary table lab_migrated (sample_id uuid, read_id uuid, unit_id uuid, purpose text) on commit drop;

insert into lab_migrated (sample_id, read_id, unit_id, purpose)
select gen_random_uuid(), gen_random_uuid(), id, 'PRE_CULTURE' from pool where pre_culture_outcome is not null;
insert into lab_migrated (sample_id, read_id, unit_id, purpose)
select gen_random_uuid(), gen_random_uuid(), id, 'POST_CULTURE' from pasteurisation_run
where post_culture_outcome is not null;

insert into lab_sample (id, code, unit_id, unit_kind, unit_label, purpose, procedure_code, taken_at, taken_by,
                        incubation_started_at, verdict, judged_at, judged_by, verdict_code, version)
select m.sample_id, 'MIGRATED-' || upper(replace(m.unit_id::text, '-', '')), p.id, 'POOL', p.din, 'PRE_CULTURE',
       'pre-culture', coalesce(p.pre_culture_recorded_at, p.created_at), coalesce(p.pre_culture_recorded_by, 'system'),
       coalesce(p.pre_culture_recorded_at, p.created_at), p.pre_culture_outcome,
       coalesce(p.pre_culture_recorded_at, p.created_at), coalesce(p.pre_culture_recorded_by, 'system'),
       case when p.pre_culture_outcome = 'FAIL' then p.discard_code end, 0
from lab_migrated m join pool p on p.id = m.unit_id where m.purpose = 'PRE_CULTURE';

insert into lab_sample (id, code, unit_id, unit_kind, unit_label, purpose, procedure_code, taken_at, taken_by,
                        incubation_started_at, verdict, judged_at, judged_by, version)
select m.sample_id, 'MIGRATED-' || upper(replace(m.unit_id::text, '-', '')), r.id, 'RUN',
       coalesce((select u.code from milk_unit u where u.id = r.id), r.id::text), 'POST_CULTURE', 'post-culture',
       coalesce(r.post_culture_sampled_at, r.post_culture_recorded_at, r.ended_at),
       coalesce(r.post_culture_recorded_by, 'system'),
       coalesce(r.post_culture_sampled_at, r.post_culture_recorded_at, r.ended_at),
       case r.post_culture_outcome when 'NEGATIVE' then 'PASS' else 'FAIL' end,
       coalesce(r.post_culture_recorded_at, r.ended_at), coalesce(r.post_culture_recorded_by, 'system'), 0
from lab_migrated m join pasteurisation_run r on r.id = m.unit_id where m.purpose = 'POST_CULTURE';

insert into lab_culture_read (id, sample_id, read_at, recorded_at, read_by, superseded)
select m.read_id, s.id, s.judged_at, s.judged_at, s.judged_by, false
from lab_migrated m join lab_sample s on s.id = m.sample_id;

insert into lab_culture_count (read_id, organism, other_name, cfu_per_ml)
select m.read_id, 'TOTAL_VIABLE_COUNT', null, p.pre_culture_total_cfu
from lab_migrated m join pool p on p.id = m.unit_id where m.purpose = 'PRE_CULTURE' and p.pre_culture_total_cfu is not null;
insert into lab_culture_count (read_id, organism, other_name, cfu_per_ml)
select m.read_id, 'ENTEROBACTERIACEAE', null, p.pre_culture_enterobacteriaceae_cfu
from lab_migrated m join pool p on p.id = m.unit_id
where m.purpose = 'PRE_CULTURE' and p.pre_culture_enterobacteriaceae_cfu is not null;
insert into lab_culture_count (read_id, organism, other_name, cfu_per_ml)
select m.read_id, 'STAPH_AUREUS', null, p.pre_culture_staph_aureus_cfu
from lab_migrated m join pool p on p.id = m.unit_id
where m.purpose = 'PRE_CULTURE' and p.pre_culture_staph_aureus_cfu is not null;
insert into lab_culture_count (read_id, organism, other_name, cfu_per_ml)
select m.read_id,
       case when r.post_culture_organism is null then 'TOTAL_VIABLE_COUNT' else 'OTHER' end,
       r.post_culture_organism, coalesce(r.post_culture_cfu, 0)
from lab_migrated m join pasteurisation_run r on r.id = m.unit_id where m.purpose = 'POST_CULTURE';

alter table pool
    drop column pre_culture_total_cfu,
    drop column pre_culture_enterobacteriaceae_cfu,
    drop column pre_culture_staph_aureus_cfu,
    drop column pre_culture_outcome,
    drop column pre_culture_recorded_at,
    drop column pre_culture_recorded_by;

-- the run's view named the culture's outcome: it is made again without it here, after the copy above (a view
-- cannot lose a column in place, and a pasteurization migration numbered in its own range would run before V49)
drop view pasteurization_run_v;
create view pasteurization_run_v as
select id, state, outcome, started_at, pool_id, ended_at, bottle_count
from pasteurisation_run;

alter table pasteurisation_run
    drop column post_culture_cfu,
    drop column post_culture_organism,
    drop column post_culture_outcome,
    drop column post_culture_recorded_by,
    drop column post_culture_recorded_at,
    drop column post_culture_sampled_at;
