-- storage.cold: the temperatures of each storage unit (typed by a technician or imported from a logger's file) and
-- its excursions: a unit warmer than its rules allow, from start to end, with the milk that was inside held for the
-- time it was inside, and the manager's decision on each unit. Nothing here is ever deleted.

-- One logger file imported for one storage unit; the same file (by its SHA-256) is never imported twice.
create table storage_logger_import (
    id              uuid primary key,
    storage_unit_id uuid        not null references storage_place (id),
    file_name       text,
    sha256          text        not null unique,
    rows            int         not null check (rows >= 0),
    readings        int         not null check (readings > 0),
    first_at        timestamptz not null,
    last_at         timestamptz not null,
    warnings        jsonb       not null default '[]'::jsonb,
    imported_at     timestamptz not null,
    imported_by     text        not null
);

-- One reading of a storage unit's thermometer: the current temperature and, typed by hand, the minimum and maximum
-- the thermometer kept since it was last reset.
create table storage_temperature_reading (
    id              uuid primary key,
    storage_unit_id uuid         not null references storage_place (id),
    source          text         not null check (source in ('MANUAL', 'LOGGER')),
    read_at         timestamptz  not null,
    current_c       numeric(6, 2) not null,
    min_c           numeric(6, 2),
    max_c           numeric(6, 2),
    import_id       uuid references storage_logger_import (id),
    recorded_at     timestamptz  not null,
    recorded_by     text         not null,
    check ((source = 'LOGGER') = (import_id is not null)),
    check (min_c is null or min_c <= current_c),
    check (max_c is null or max_c >= current_c)
);
create index storage_temperature_reading_unit_idx on storage_temperature_reading (storage_unit_id, read_at);

-- An excursion: the storage unit was warmer than its alarm temperature from started_at to ended_at (open while
-- ongoing). The rules in force when it opened are kept with it; level says the worst rule it reached.
create table storage_excursion (
    id                 uuid primary key,
    storage_unit_id    uuid         not null references storage_place (id),
    opened_how         text         not null check (opened_how in ('READINGS', 'LOGGER', 'MANUAL')),
    started_at         timestamptz  not null,
    ended_at           timestamptz,
    peak_c             numeric(6, 2) not null,
    minutes_above      int          not null default 0 check (minutes_above >= 0),
    level              text         not null check (level in ('ALARM', 'HOLD', 'DISCARD')),
    alarm_above_c      numeric(6, 2) not null,
    hold_above_c       numeric(6, 2) not null,
    hold_after_minutes int          not null,
    discard_at_c        numeric(6, 2) not null,
    -- where the tracking of the readings stands
    last_point_at      timestamptz  not null,
    last_point_above   boolean      not null,
    above_hold_since   timestamptz,
    held_at            timestamptz,
    discard_from        timestamptz,
    acknowledged_at    timestamptz,
    acknowledged_by    text,
    acknowledge_note   text,
    reason             text,
    opened_at          timestamptz  not null,
    opened_by          text         not null,
    version            bigint       not null default 0,
    check (ended_at is null or ended_at >= started_at),
    check ((acknowledged_at is null) = (acknowledged_by is null)),
    check ((level = 'ALARM') = (held_at is null)),
    check ((level = 'DISCARD') = (discard_from is not null)),
    check (opened_how <> 'MANUAL' or reason is not null)
);
create index storage_excursion_unit_idx on storage_excursion (storage_unit_id, started_at);
-- one open excursion per storage unit
create unique index storage_excursion_open_idx on storage_excursion (storage_unit_id) where ended_at is null;

-- A unit of milk that was inside the storage unit during the excursion, for the time it was inside, with its hold
-- and the manager's decision.
create table storage_excursion_unit (
    excursion_id    uuid        not null references storage_excursion (id),
    unit_id         uuid        not null references milk_unit (id),
    inside_from     timestamptz not null,
    inside_to       timestamptz,
    hold_id         uuid        not null,
    must_discard    boolean     not null default false,
    decision        text check (decision in ('RELEASED', 'DISCARDED')),
    decided_at      timestamptz,
    decided_by      text,
    decision_reason text,
    primary key (excursion_id, unit_id),
    check ((decision is null) = (decided_at is null)),
    check ((decision is null) = (decision_reason is null)),
    check (decision is null or decided_by is not null),
    check (not must_discard or decision is null or decision = 'DISCARDED')
);

-- What other modules (traceability's recall from a freezer, reporting) may read.
create view storage_excursion_unit_v as
select e.id as excursion_id, e.storage_unit_id, su.code as storage_unit_code, e.started_at, e.ended_at, e.level,
       x.unit_id, x.inside_from, x.inside_to, x.hold_id, x.must_discard, x.decision, x.decided_at
from storage_excursion_unit x
         join storage_excursion e on e.id = x.excursion_id
         join storage_place su on su.id = e.storage_unit_id;

-- traceability: a recall may start from a storage unit's excursion (the milk inside it during the window)
alter table recall_case drop constraint recall_case_source_kind_check;
alter table recall_case add constraint recall_case_source_kind_check
    check (source_kind in ('DONOR', 'UNIT', 'WINDOW', 'CALIBRATION', 'EXCURSION'));
