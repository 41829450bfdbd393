-- pasteurization: the instruments a run relied on. A run names its pasteuriser by the code on it; when that code is
-- a registered pasteuriser, the run keeps it and every thermometer, probe and logger attached to it then, so that a
-- calibration found out of tolerance reaches every run the instrument measured.
alter table pasteurisation_run add column pasteuriser_id uuid references equipment (id);

create table pasteurisation_run_instrument (
    run_id       uuid not null references pasteurisation_run (id),
    equipment_id uuid not null references equipment (id),
    code         text not null,
    -- PASTEURISER for the pasteuriser itself; PROBE for a thermometer or probe; LOGGER for a data logger
    role         text not null check (role in ('PASTEURISER', 'PROBE', 'LOGGER')),
    primary key (run_id, equipment_id)
);
create index pasteurisation_run_instrument_equipment_idx on pasteurisation_run_instrument (equipment_id);
