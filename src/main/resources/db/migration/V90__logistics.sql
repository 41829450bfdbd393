-- logistics: where milk comes from (collection points, pick-up runs) and the cold chain of each box.

create table collection_point (
    id                 uuid primary key,
    name               text        not null,
    kind               text        not null check (kind in ('HOSPITAL', 'CLINIC', 'COMMUNITY')),
    address            text,
    active             boolean     not null default true,
    deactivated_reason text,
    created_at         timestamptz not null,
    created_by         text        not null,
    version            bigint      not null default 0,
    check (active or deactivated_reason is not null)
);
-- two active points with the same name would make a planner pick the wrong one
create unique index collection_point_active_name_idx on collection_point (lower(name)) where active;

create sequence pickup_run_number_seq;
create table pickup_run (
    id            uuid primary key,
    number        bigint      not null unique default nextval('pickup_run_number_seq'),
    planned_on    date        not null,
    driver        text        not null,
    state         text        not null check (state in ('PLANNED', 'ON_THE_ROAD', 'RETURNED', 'CANCELLED')),
    started_at    timestamptz,
    returned_at   timestamptz,
    cancel_reason text,
    created_at    timestamptz not null,
    created_by    text        not null,
    version       bigint      not null default 0,
    check (state <> 'CANCELLED' or cancel_reason is not null)
);
create index pickup_run_planned_on_idx on pickup_run (planned_on) where state in ('PLANNED', 'ON_THE_ROAD');

create table pickup_stop (
    id                  uuid primary key,
    run_id              uuid        not null references pickup_run (id),
    position            int         not null,
    donor_id            uuid,
    donor_code          text,
    collection_point_id uuid references collection_point (id),
    place               text        not null,
    outcome             text        not null check (outcome in ('PENDING', 'COLLECTED', 'MISSED')),
    containers          int check (containers >= 0),
    note                text,
    recorded_at         timestamptz,
    recorded_by         text,
    unique (run_id, position),
    -- a stop is either a donor's home or a collection point
    check ((donor_id is null) <> (collection_point_id is null))
);

create table transport_box (
    id                  uuid primary key,
    code                text        not null,
    run_id              uuid references pickup_run (id),
    origin_point_id     uuid references collection_point (id),
    mode                text        not null check (mode in ('FROZEN', 'LIQUID')),
    state               text        not null check (state in ('PLANNED', 'IN_TRANSIT', 'ARRIVED', 'CANCELLED')),
    departed_at         timestamptz,
    departure_temp_c    numeric(4, 1),
    arrived_at          timestamptz,
    arrival_temp_c      numeric(4, 1),
    indicator           text check (indicator in ('INTACT', 'TRIGGERED')),
    seal_intact         boolean,
    cold_chain_intact   boolean,
    cold_chain_reasons  text,
    profile_code        text,
    created_at          timestamptz not null,
    created_by          text        not null,
    version             bigint      not null default 0,
    check (state not in ('IN_TRANSIT', 'ARRIVED') or (departed_at is not null and departure_temp_c is not null)),
    check (state <> 'ARRIVED' or (arrived_at is not null and arrival_temp_c is not null and cold_chain_intact is not null))
);
-- a physical box is reused, but carries one shipment at a time
create unique index transport_box_open_code_idx on transport_box (upper(code)) where state in ('PLANNED', 'IN_TRANSIT');
create index transport_box_run_idx on transport_box (run_id);

-- The cold-chain rules of each built-in profile.
insert into standard_profile_parameter (profile_code, key, value, source) values
    ('HMBANA', 'transport.max-hours', '24',
     'Bank default: HMBANA asks that milk stays frozen and the journey is recorded but sets no hour limit; one day covers a pick-up run'),
    ('HMBANA', 'transport.frozen-max-c', '-18',
     'Raw frozen milk kept at -18 °C or colder (reference section 8); transport stays frozen (MMBA)'),
    ('HMBANA', 'transport.liquid-allowed', 'false',
     'HMBANA banks transport milk frozen only; liquid transport at 1-6 °C for up to 48 h is a New York rule (10 NYCRR 52-9)'),
    ('NICE', 'transport.max-hours', '24',
     'Bank default: NICE CG93 and UKAMB ask that journey time is recorded but set no hour limit; one day covers a pick-up run'),
    ('NICE', 'transport.frozen-max-c', '-18',
     'NICE CG93: home freezer at -18 °C or colder; UKAMB: milk stays frozen in transport'),
    ('NICE', 'transport.liquid-allowed', 'false',
     'NICE CG93 / UKAMB: milk transported frozen only');
