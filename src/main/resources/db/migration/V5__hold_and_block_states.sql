-- States for milk held until its donor is cleared, rejected at reception, or blocked after a deferral or
-- a late positive test. Blocked milk can never move again; only a look-back reads it.
alter table raw_container drop constraint raw_container_state_check;
alter table raw_container add constraint raw_container_state_check
    check (state in ('RAW_FROZEN', 'HELD', 'POOLED', 'DISCARDED', 'REJECTED', 'BLOCKED'));

alter table pool drop constraint pool_state_check;
alter table pool add constraint pool_state_check
    check (state in ('AWAITING_PRE_CULTURE', 'READY', 'PASTEURISED', 'DISCARDED', 'BLOCKED'));

alter table pasteurisation_run drop constraint pasteurisation_run_state_check;
alter table pasteurisation_run add constraint pasteurisation_run_state_check
    check (state in ('FAILED', 'QUARANTINE', 'CULTURE_NEGATIVE', 'RELEASED', 'DISCARDED', 'BLOCKED'));

alter table bottle drop constraint bottle_state_check;
alter table bottle add constraint bottle_state_check
    check (state in ('QUARANTINE', 'RELEASED', 'DISCARDED', 'DISPENSED', 'BLOCKED'));

alter table raw_container add column block_reason text;
alter table pool add column block_reason text;
alter table pasteurisation_run add column block_reason text;
alter table bottle add column block_reason text;
