-- pasteurization: what reports read of a run besides its state (its pool, end, bottles, post-culture).
-- Columns only appended.
create or replace view pasteurization_run_v as
select id, state, outcome, started_at, pool_id, ended_at, bottle_count, post_culture_outcome
from pasteurisation_run;
