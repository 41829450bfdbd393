-- lab: samples taken from milk units (by the unit's id and DIN/code), culture reads with their counts, and the
-- verdict by the profile's limits. Nothing is deleted: an amended read is superseded by the read that amends it.
create table lab_sample (
    id                    uuid primary key,
    code                  text        not null unique,
    unit_id               uuid        not null,
    unit_kind             text        not null check (unit_kind in ('CONTAINER', 'POOL', 'RUN', 'BOTTLE')),
    unit_label            text        not null,
    purpose               text        not null check (purpose in ('PRE_CULTURE', 'POST_CULTURE')),
    procedure_code        text        not null,
    medium                text,
    taken_at              timestamptz not null,
    taken_by              text        not null,
    incubation_started_at timestamptz,
    profile_code          text,
    verdict               text check (verdict in ('PASS', 'FAIL')),
    verdict_code          jsonb,
    judged_at             timestamptz,
    judged_by             text,
    version               bigint      not null default 0,
    check (incubation_started_at is null or incubation_started_at >= taken_at)
);
create index lab_sample_unit on lab_sample (unit_id);

create table lab_culture_read (
    id           uuid primary key,
    sample_id    uuid        not null references lab_sample (id),
    read_at      timestamptz not null,
    recorded_at  timestamptz not null,
    read_by      text        not null,
    amends       uuid references lab_culture_read (id),
    amend_reason text,
    superseded   boolean     not null default false,
    check ((amends is null) = (amend_reason is null))
);
create index lab_culture_read_sample on lab_culture_read (sample_id);

create table lab_culture_count (
    read_id    uuid   not null references lab_culture_read (id),
    organism   text   not null check (organism in ('TOTAL_VIABLE_COUNT', 'ENTEROBACTERIACEAE', 'STAPH_AUREUS',
                                                   'BACILLUS_CEREUS', 'COLIFORMS', 'OTHER')),
    other_name text,
    cfu_per_ml bigint not null check (cfu_per_ml >= 0),
    check ((organism = 'OTHER') = (other_name is not null))
);
create index lab_culture_count_read on lab_culture_count (read_id);

-- what other modules' reports read of the lab: each culture sample of a unit and its verdict
create view lab_culture_v as
select id, unit_id, unit_kind, purpose, taken_at, incubation_started_at, verdict, judged_at from lab_sample;

-- the profile's culture rules, per profile with their sources
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'culture.min-incubation-hours', '48',
       case code
           when 'NICE' then 'NICE CG93 1.6: plates incubated 48 h before a culture is reported negative'
           when 'HMBANA' then 'HMBANA Standards 2020: post-pasteurisation culture read at 48 h'
           when 'BRAZIL' then 'ANVISA RDC 171/2006 and rBLH BLH-IFF/NT 46.21: coliforms read at 48 h'
           else 'Reference 5: plates read at 24 h and 48 h; negative only after 48 h'
       end
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'culture.read-hours', '24,48', 'Reference 5: plates read at 24 h and 48 h'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code,
       'pre-culture.limits',
       case code
           when 'NICE' then 'TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000'
           else ''
       end,
       case code
           when 'NICE' then 'NICE CG93 1.6.12: total > 10^5, Enterobacteriaceae > 10^4, S. aureus > 10^4 CFU/mL fails'
           when 'HMBANA' then 'HMBANA Standards 2020: no culture before pasteurisation'
           when 'BRAZIL' then 'rBLH BLH-IFF/NT 44.21: Dornic acidity and sensory checks instead of a culture'
           else 'Reference 5'
       end
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code,
       'post-culture.limits',
       case code
           when 'NICE' then 'ANY=10'
           when 'BRAZIL' then 'COLIFORMS=0'
           else 'ANY=0'
       end,
       case code
           when 'NICE' then 'NICE CG93 1.6.14: more than 10 CFU/mL of anything after pasteurisation fails'
           when 'HMBANA' then 'HMBANA Standards 2020: any growth after pasteurisation fails'
           when 'BRAZIL' then 'ANVISA RDC 171/2006, rBLH BLH-IFF/NT 47.21: total coliforms must be absent'
           else 'Reference 5: any growth after pasteurisation fails'
       end
from standard_profile
on conflict do nothing;
