-- Why a run was not accepted, as codes with their numbers, rendered in the reader's language:
-- [{"key": "pasteurization.failure.holder.tooCold", "args": ["62.4", "62.5"]}, ...].
-- Runs recorded before keep their English text in failure_reason, shown as it is.
alter table pasteurisation_run add column failure_code jsonb;
