-- A bottle is no longer BLOCKED: holds are beside its state (milk_hold). A blocked bottle goes back to where its
-- own lifecycle had taken it; the donor's hold keeps it out of use and shows on the dispensing screens.
alter table bottle drop constraint if exists bottle_state_check;

update bottle b set state = case
        when exists (select 1 from dispense d where d.bottle_id = b.id) then 'DISPENSED'
        when exists (select 1 from pasteurisation_run r where r.id = b.run_id and r.released_at is not null)
            then 'RELEASED'
        else 'QUARANTINE' end
where b.state = 'BLOCKED';

alter table bottle drop column block_reason;

alter table bottle add constraint bottle_state_check
    check (state in ('QUARANTINE', 'RELEASED', 'DISCARDED', 'DISPENSED'));
