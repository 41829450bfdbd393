-- processing: a block is no longer a state of the pool. Its donors' risk windows are holds beside the state
-- (traceability's milk_hold), found from the pool through its containers; a pool once BLOCKED goes back to where
-- its life was: pasteurised when a passed run was recorded on it, otherwise ready.
update pool p set state = case
        when exists (select 1 from pasteurisation_run r where r.pool_id = p.id and r.outcome = 'PASSED')
            then 'PASTEURISED'
        else 'READY' end
where p.state = 'BLOCKED';

alter table pool drop column block_reason;

alter table pool drop constraint pool_state_check;
alter table pool add constraint pool_state_check
    check (state in ('AWAITING_PRE_CULTURE', 'READY', 'PASTEURISED', 'DISCARDED'));
