-- equipment: the bank's instruments (pasteurisers, thermometers and probes, data loggers, freezers, fridges, milk
-- analysers), their status over time, repairs, calibrations with their test points, and the heat-penetration
-- studies of each pasteuriser. Nothing is deleted: a correction is an amendment or a void with its reason.

create table equipment (
    id                 uuid primary key,
    code               text        not null,
    kind               text        not null check (kind in ('PASTEURISER', 'THERMOMETER', 'PROBE', 'DATA_LOGGER',
                                                            'FREEZER', 'FRIDGE', 'MILK_ANALYSER')),
    name               text        not null,
    model              text,
    serial             text,
    location           text,
    status             text        not null check (status in ('IN_SERVICE', 'OUT_OF_SERVICE', 'RETIRED')),
    parent_id          uuid references equipment (id),
    -- the instrument's own rules, overriding the profile's when set
    tolerance_c        numeric(6, 3) check (tolerance_c > 0),
    interval_days      int check (interval_days > 0),
    created_at         timestamptz not null,
    created_by         text        not null,
    version            bigint      not null default 0,
    check (parent_id is null or parent_id <> id)
);
-- the code is what is engraved or stuck on it: scanned, so it names one instrument only
create unique index equipment_code_idx on equipment (upper(code));

-- When the instrument was in service: each change of status from a moment, never edited (standing at a moment
-- reads it).
create table equipment_status_change (
    id           uuid primary key,
    equipment_id uuid        not null references equipment (id),
    status       text        not null check (status in ('IN_SERVICE', 'OUT_OF_SERVICE', 'RETIRED')),
    effective_at timestamptz not null,
    reason       text,
    changed_at   timestamptz not null,
    changed_by   text        not null
);
create index equipment_status_change_idx on equipment_status_change (equipment_id, effective_at);

create table equipment_repair (
    id           uuid primary key,
    equipment_id uuid        not null references equipment (id),
    repaired_at  timestamptz not null,
    description  text        not null check (length(trim(description)) > 0),
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);
create index equipment_repair_idx on equipment_repair (equipment_id, repaired_at);

create table calibration (
    id                     uuid primary key,
    equipment_id           uuid          not null references equipment (id),
    performed_at           timestamptz   not null,
    performed_by           text          not null,
    reference_code         text,
    reference_description  text,
    certificate_number     text          not null,
    certificate_issuer     text          not null,
    certificate_valid_until date         not null,
    tolerance_c            numeric(6, 3) not null check (tolerance_c > 0),
    interval_days          int           not null check (interval_days > 0),
    due_on                 date          not null,
    outcome                text          not null check (outcome in ('PASSED', 'FOUND_OUT_OF_TOLERANCE', 'FAILED')),
    worst_as_found_error_c numeric(7, 3) not null,
    worst_as_left_error_c  numeric(7, 3) not null,
    note                   text,
    voided_at              timestamptz,
    voided_by              text,
    void_reason            text,
    recorded_at            timestamptz   not null,
    version                bigint        not null default 0,
    check ((voided_at is null) = (void_reason is null))
);
create index calibration_equipment_idx on calibration (equipment_id, performed_at);

create table calibration_point (
    calibration_id      uuid          not null references calibration (id),
    position            int           not null,
    nominal_c           numeric(6, 2) not null,
    reference_c         numeric(7, 3) not null,
    as_found_c          numeric(7, 3) not null,
    as_left_c           numeric(7, 3),
    primary key (calibration_id, position)
);

create table heat_penetration_study (
    id                   uuid primary key,
    pasteuriser_id       uuid        not null references equipment (id),
    studied_at           timestamptz not null,
    studied_by           text        not null,
    bottle_count         int         not null check (bottle_count > 0),
    bottle_volume_ml     int         not null check (bottle_volume_ml > 0),
    preheat_minutes      int         not null check (preheat_minutes >= 0),
    cold_point_probe_id  uuid references equipment (id),
    valid_for_cycles     int         not null check (valid_for_cycles >= 0),
    note                 text,
    invalidated_at       timestamptz,
    invalidation_cause   text check (invalidation_cause in ('REPAIR', 'DEVIATION')),
    invalidation_reason  text,
    recorded_at          timestamptz not null,
    version              bigint      not null default 0,
    check ((invalidated_at is null) = (invalidation_cause is null))
);
create index heat_penetration_study_idx on heat_penetration_study (pasteuriser_id, studied_at);

-- The rules of every profile (a bank's own profile takes those of the standard it came from).
create temporary table equipment_profile (code text primary key, base text not null) on commit drop;
insert into equipment_profile select code, coalesce(derived_from, code) from standard_profile;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'calibration.interval-days',
       case p.base when 'BRAZIL' then '30' when 'HMBANA' then '365' else '182' end,
       case p.base
           when 'BRAZIL' then 'rBLH (reference section 12): thermometers and pasteuriser probes calibrated monthly'
           when 'HMBANA' then 'HMBANA / New York (issue 11): calibrated yearly'
           when 'NICE' then 'Reference silent for NICE: dairy practice, every 6 months (reference section 6)'
           when 'ITALY' then 'Reference silent for Italy: dairy practice, every 6 months (reference section 6)'
           when 'FRANCE' then 'Reference silent for France: dairy practice, every 6 months (reference section 6)'
           else 'Dairy practice, every 6 months (reference section 6)'
       end
from equipment_profile p
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'calibration.tolerance-c', '0.5',
       'Reference silent on a tolerance for ' || p.base || ': dairy practice, ±0.5 °C against a certified reference'
from equipment_profile p
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'heat-penetration.every-cycles',
       case p.base when 'BRAZIL' then '30' else '0' end,
       case p.base
           when 'BRAZIL' then 'rBLH (reference section 12): heat-penetration curve redone every 30 cycles, after a deviation over 10 % or after a repair'
           else 'Reference silent for ' || p.base || ': no heat-penetration study required (0)'
       end
from equipment_profile p
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, 'heat-penetration.max-deviation-percent', '10',
       case p.base
           when 'BRAZIL' then 'rBLH (reference section 12): a deviation over 10 % voids the heat-penetration curve'
           else 'Reference silent for ' || p.base || ': the rBLH figure (10 %), read only where a study is required'
       end
from equipment_profile p
on conflict do nothing;
