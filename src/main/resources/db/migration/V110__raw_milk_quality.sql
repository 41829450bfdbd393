-- lab: raw milk quality control on the container (sensory check, Dornic acidity, crematocrit), by unit id.

-- Which checks each profile requires, its Dornic limit, crematocrit formula and caloric classes: a value for
-- every profile (a bank's own profile copies them from its standard).
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.sensory.required', case when code = 'BRAZIL' then 'true' else 'false' end,
       case when code = 'BRAZIL'
            then 'rBLH (Brazil), reference section 4: sensory check of every container; any failure discards it'
            else 'Not required by this standard (reference section 4); the bank may still record it' end
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.dornic.required', case when code = 'BRAZIL' then 'true' else 'false' end,
       case when code = 'BRAZIL'
            then 'rBLH (Brazil), reference section 4: Dornic acidity of every container'
            else 'Not required by this standard (reference section 4); the bank may still record it' end
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.dornic.limit', '8',
       case when code = 'BRAZIL'
            then 'rBLH (Brazil), reference section 4: mean of three titrations must be under 8 °D'
            else 'Not set by this standard: the Brazilian limit of 8 °D, used when the bank titrates' end
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.crematocrit.formula', 'LUCAS',
       'Lucas et al. 1978 (reference section 4): fat = (cream% - 0.59) / 1.46, kcal/L = 66.8 x cream% + 290'
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.caloric.hypocaloric-below', '580',
       'rBLH (Brazil), reference section 4: hypocaloric under 580 kcal/L'
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'raw-qc.caloric.hypercaloric-above', '711',
       'rBLH (Brazil), reference section 4: hypercaloric over 711 kcal/L'
from standard_profile
on conflict (profile_code, key) do nothing;

-- One quality record per container; each section is empty until recorded and changes only by amendment.
create table lab_container_quality (
    id                 uuid primary key,
    container_id       uuid not null unique,
    din                text not null,
    -- sensory: each check passed (true) or failed (false), the technician's note on a failure
    packaging_ok       boolean,
    dirt_ok            boolean,
    colour_ok          boolean,
    flavour_ok         boolean,
    sensory_note       text,
    sensory_by         text,
    sensory_at         timestamptz,
    -- Dornic: three titrations in mL of N/9 NaOH, the limit the mean was judged against
    dornic_ml_1        numeric(6, 3),
    dornic_ml_2        numeric(6, 3),
    dornic_ml_3        numeric(6, 3),
    dornic_limit       numeric(6, 2),
    dornic_by          text,
    dornic_at          timestamptz,
    -- crematocrit: the columns in mm and the formula its fat and energy were computed by
    cream_mm           numeric(6, 2),
    total_mm           numeric(6, 2),
    crematocrit_formula text,
    crematocrit_by     text,
    crematocrit_at     timestamptz,
    rejected           boolean not null default false,
    version            bigint not null default 0,
    constraint lab_quality_dornic_all check (
        (dornic_ml_1 is null and dornic_ml_2 is null and dornic_ml_3 is null)
        or (dornic_ml_1 > 0 and dornic_ml_1 < 1 and dornic_ml_2 > 0 and dornic_ml_2 < 1
            and dornic_ml_3 > 0 and dornic_ml_3 < 1 and dornic_at is not null)),
    constraint lab_quality_crematocrit check (
        (cream_mm is null and total_mm is null)
        or (cream_mm >= 0 and total_mm > 0 and cream_mm <= total_mm and crematocrit_at is not null)),
    constraint lab_quality_formula check (
        crematocrit_formula is null or crematocrit_formula in ('LUCAS', 'WANG_FRESH', 'WANG_FROZEN'))
);
