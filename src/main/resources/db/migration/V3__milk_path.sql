-- The milk's path from donor to infant. Tables belong to the module named in each comment; other modules
-- reach them through that module's Java API, and only traceability/reporting read them with SQL.

-- donor
create sequence donor_code_seq;
create table donor (
    id                uuid primary key,
    donor_code        text        not null unique,
    given_name        text        not null,
    family_name       text        not null,
    birth_date        date,
    phone             text,
    address           text,
    registered_at     timestamptz not null,
    registered_by     text        not null,
    first_donation_on date,
    version           bigint      not null default 0
);

create table serology_result (
    id            uuid primary key,
    donor_id      uuid        not null references donor (id),
    test          text        not null,
    sample_date   date        not null,
    outcome       text        not null check (outcome in ('NEGATIVE', 'POSITIVE', 'INDETERMINATE')),
    lab_reference text,
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    voided        boolean     not null default false,
    void_reason   text,
    voided_by     text,
    voided_at     timestamptz,
    version       bigint      not null default 0
);
create index serology_result_donor_idx on serology_result (donor_id, test, sample_date);

-- collection
create table donation (
    id          uuid primary key,
    donor_id    uuid        not null references donor (id),
    received_at timestamptz not null,
    received_by text        not null,
    note        text
);
create index donation_donor_idx on donation (donor_id);

create table raw_container (
    id             uuid primary key,
    din            text    not null unique,
    donation_id    uuid    not null references donation (id),
    donor_id       uuid    not null references donor (id),
    volume_ml      int     not null check (volume_ml > 0),
    expressed_on   date    not null,
    state          text    not null check (state in ('RAW_FROZEN', 'POOLED', 'DISCARDED')),
    pool_id        uuid,
    discard_reason text,
    version        bigint  not null default 0
);
create index raw_container_donor_idx on raw_container (donor_id);
create index raw_container_usable_idx on raw_container (expressed_on) where state = 'RAW_FROZEN';

-- processing
create table pool (
    id                                 uuid primary key,
    din                                text        not null unique,
    state                              text        not null check (state in ('AWAITING_PRE_CULTURE', 'READY', 'PASTEURISED', 'DISCARDED')),
    created_at                         timestamptz not null,
    created_by                         text        not null,
    volume_ml                          int         not null check (volume_ml > 0),
    donor_count                        int         not null check (donor_count > 0),
    earliest_expression                date        not null,
    discard_reason                     text,
    pre_culture_total_cfu              bigint,
    pre_culture_enterobacteriaceae_cfu bigint,
    pre_culture_staph_aureus_cfu       bigint,
    pre_culture_outcome                text check (pre_culture_outcome in ('PASS', 'FAIL')),
    pre_culture_recorded_at            timestamptz,
    pre_culture_recorded_by            text,
    version                            bigint      not null default 0
);

-- a container can be in one pool only, ever
create table pool_container (
    pool_id      uuid not null references pool (id),
    container_id uuid not null unique references raw_container (id),
    primary key (pool_id, container_id)
);

-- pasteurization
create table pasteurisation_run (
    id                       uuid primary key,
    pool_id                  uuid          not null references pool (id),
    method                   text          not null default 'HOLDER',
    device                   text,
    started_at               timestamptz   not null,
    ended_at                 timestamptz   not null check (ended_at > started_at),
    hold_temperature_c       numeric(4, 1) not null,
    hold_minutes             int           not null check (hold_minutes >= 0),
    outcome                  text          not null check (outcome in ('PASSED', 'FAILED')),
    failure_reason           text,
    state                    text          not null check (state in ('FAILED', 'QUARANTINE', 'CULTURE_NEGATIVE', 'RELEASED', 'DISCARDED')),
    bottle_count             int,
    bottle_volume_ml         int,
    recorded_by              text          not null,
    recorded_at              timestamptz   not null,
    post_culture_cfu         bigint,
    post_culture_organism    text,
    post_culture_outcome     text check (post_culture_outcome in ('NEGATIVE', 'POSITIVE')),
    post_culture_recorded_by text,
    post_culture_recorded_at timestamptz,
    released_by              text,
    released_at              timestamptz,
    discard_reason           text,
    version                  bigint        not null default 0
);
create index pasteurisation_run_pool_idx on pasteurisation_run (pool_id);

-- inventory
create table bottle (
    id             uuid primary key,
    din            text        not null unique,
    run_id         uuid        not null references pasteurisation_run (id),
    pool_id        uuid        not null references pool (id),
    volume_ml      int         not null check (volume_ml > 0),
    expires_on     date        not null,
    state          text        not null check (state in ('QUARANTINE', 'RELEASED', 'DISCARDED', 'DISPENSED')),
    discard_reason text,
    created_at     timestamptz not null,
    version        bigint      not null default 0
);
create index bottle_run_idx on bottle (run_id);
create index bottle_released_idx on bottle (expires_on) where state = 'RELEASED';

-- dispensing
create table infant (
    id                    uuid primary key,
    infant_code           text        not null unique,
    given_name            text,
    family_name           text        not null,
    birth_date            date        not null,
    gestational_age_weeks int         not null check (gestational_age_weeks between 22 and 44),
    gestational_age_days  int         not null default 0 check (gestational_age_days between 0 and 6),
    birth_weight_grams    int         not null check (birth_weight_grams between 300 and 6000),
    ward                  text        not null,
    consent_given         boolean     not null default false,
    consent_date          date,
    consent_recorded_by   text,
    registered_at         timestamptz not null,
    registered_by         text        not null,
    version               bigint      not null default 0
);

create table dispense (
    id           uuid primary key,
    infant_id    uuid        not null references infant (id),
    bottle_id    uuid        not null unique references bottle (id),
    dispensed_at timestamptz not null,
    dispensed_by text        not null,
    version      bigint      not null default 0
);
create index dispense_infant_idx on dispense (infant_id);
