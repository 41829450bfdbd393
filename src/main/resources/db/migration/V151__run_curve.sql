-- pasteurization.curve: logger layouts, a run's temperature logs and readings; a run may wait for its log.
-- Nothing is deleted: a layout is amended by a new version that supersedes it, a log by a later log with a reason.

create table pasteurization_logger_layout (
    id            uuid primary key,
    name          text        not null,
    model         text        not null,
    delimiter     text        not null check (length(delimiter) = 1),
    header_row    int         not null check (header_row between 1 and 50),
    time_column   text        not null,
    time_format   text        not null,
    time_zone     text        not null,
    -- one probe a line: "column=label"
    probes        text        not null,
    fahrenheit    boolean     not null,
    decimal_comma boolean     not null,
    supersedes    uuid references pasteurization_logger_layout (id),
    amend_reason  text,
    superseded_at timestamptz,
    created_by    text        not null,
    created_at    timestamptz not null,
    version       bigint      not null default 0,
    check ((supersedes is null) = (amend_reason is null))
);
create unique index pasteurization_logger_layout_one_successor on pasteurization_logger_layout (supersedes);

create table pasteurization_run_log (
    id                uuid primary key,
    run_id            uuid        not null references pasteurisation_run (id),
    source            text        not null check (source in ('LOGGER', 'SHEET')),
    layout_id         uuid references pasteurization_logger_layout (id),
    file_name         text,
    sha256            text,
    row_count         int         not null check (row_count >= 0),
    reading_count     int         not null check (reading_count >= 0),
    -- what the import noticed but did not refuse, and the verdict on the readings (codes with their numbers)
    warnings          jsonb,
    verdict           jsonb       not null,
    passed            boolean     not null,
    second_look       boolean     not null,
    hold_from         timestamptz,
    hold_until        timestamptz,
    recorded_by       text        not null,
    recorded_at       timestamptz not null,
    -- deferred: the old log is marked superseded before its successor is written (one current log a run)
    superseded_by     uuid references pasteurization_run_log (id) deferrable initially deferred,
    superseded_reason text,
    superseded_at     timestamptz,
    version           bigint      not null default 0,
    check ((source = 'LOGGER') = (layout_id is not null))
);
create index pasteurization_run_log_run_idx on pasteurization_run_log (run_id, recorded_at);
create unique index pasteurization_run_log_current on pasteurization_run_log (run_id) where superseded_by is null;

create table pasteurization_run_reading (
    log_id        uuid          not null references pasteurization_run_log (id),
    run_id        uuid          not null references pasteurisation_run (id),
    probe         text          not null,
    -- the probe or logger in the equipment register (linked by the equipment module)
    instrument_id uuid,
    read_at       timestamptz   not null,
    celsius       numeric(5, 2) not null check (celsius between -50 and 150),
    source        text          not null check (source in ('LOGGER', 'SHEET')),
    primary key (log_id, probe, read_at)
);
create index pasteurization_run_reading_run_idx on pasteurization_run_reading (run_id);

-- a run recorded "log to follow" waits for its log: no hold typed, no outcome, no bottles yet
alter table pasteurisation_run alter column hold_temperature_c drop not null;
alter table pasteurisation_run alter column hold_minutes drop not null;
alter table pasteurisation_run alter column outcome drop not null;
alter table pasteurisation_run drop constraint if exists pasteurisation_run_state_check;
alter table pasteurisation_run add constraint pasteurisation_run_state_check
    check (state in ('AWAITING_LOG', 'FAILED', 'QUARANTINE', 'CULTURE_NEGATIVE', 'RELEASED', 'DISCARDED'));
alter table pasteurisation_run add constraint pasteurisation_run_outcome_when_judged
    check ((state = 'AWAITING_LOG') = (outcome is null));

-- Two real-looking layouts: a one-probe control-bottle logger with ISO times, a 10-probe logger with local times
-- and decimal commas (the demo and the tests use them; a bank amends or adds its own).
insert into pasteurization_logger_layout
    (id, name, model, delimiter, header_row, time_column, time_format, time_zone, probes, fahrenheit, decimal_comma,
     created_by, created_at)
values
    ('6a0c5b9e-4f1d-4e0b-9d8a-1c2e3f4a5b01', 'CB-1', 'CB-1', ',', 1, 'Timestamp', 'ISO',
     'UTC', 'Temp (°C)=Control bottle', false, false, 'system', now()),
    ('6a0c5b9e-4f1d-4e0b-9d8a-1c2e3f4a5b02', 'TL-10', 'TL-10', ';', 3, 'Date/Time', 'dd/MM/yyyy HH:mm',
     'America/Sao_Paulo',
     'T1=Probe 1' || chr(10) || 'T2=Probe 2' || chr(10) || 'T3=Probe 3' || chr(10) || 'T4=Probe 4' || chr(10) ||
     'T5=Probe 5' || chr(10) || 'T6=Probe 6' || chr(10) || 'T7=Probe 7' || chr(10) || 'T8=Probe 8' || chr(10) ||
     'T9=Probe 9' || chr(10) || 'T10=Probe 10', false, true, 'system', now());
