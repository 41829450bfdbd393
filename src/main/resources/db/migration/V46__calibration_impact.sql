-- pasteurization: what an instrument found out of tolerance did to the runs it measured. When a calibration finds
-- an instrument's as-found error beyond tolerance, every run it measured since its last good calibration is judged
-- again with that error applied; each judgement is kept here (never changed: a later calibration adds its own rows).
create table pasteurization_calibration_impact (
    id              uuid primary key,
    calibration_id  uuid        not null,
    equipment_id    uuid        not null,
    equipment_code  text        not null,
    found_at        timestamptz not null,
    last_good_at    timestamptz,
    -- reading minus reference at the as-found check; the run's readings are corrected by subtracting it
    error_c         numeric(5, 2) not null,
    run_id          uuid        not null references pasteurisation_run (id),
    -- how the instrument took part in the run: PASTEURISER, PROBE or LOGGER
    measured_as     text        not null check (measured_as in ('PASTEURISER', 'PROBE', 'LOGGER')),
    passed_before   boolean     not null,
    still_passes    boolean     not null,
    -- the re-judged verdict's failed rules, as message codes and arguments
    failures        jsonb       not null default '[]'::jsonb,
    judged_at       timestamptz not null,
    judged_by       text        not null,
    unique (calibration_id, run_id)
);
create index pasteurization_calibration_impact_equipment_idx on pasteurization_calibration_impact (equipment_id);
create index pasteurization_calibration_impact_failing_idx
    on pasteurization_calibration_impact (calibration_id) where not still_passes;

-- published for traceability: a recall from a calibration reaches the runs that no longer pass
create view pasteurization_calibration_impact_v as
select i.calibration_id, i.equipment_id, i.equipment_code, i.found_at, i.last_good_at, i.error_c, i.run_id,
       i.measured_as, i.passed_before, i.still_passes, i.judged_at, i.judged_by
  from pasteurization_calibration_impact i;
