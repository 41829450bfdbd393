-- pasteurization: a run's lifecycle state, for traces read by other modules.
create view pasteurization_run_v as
select id, state, outcome, started_at from pasteurisation_run;
