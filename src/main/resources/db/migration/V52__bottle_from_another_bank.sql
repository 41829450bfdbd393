-- inventory: a bottle may come from another bank of the network (a transfer) with its own DIN: it has no run or
-- pool here; its origin names the bank it came from and the transfer. A bottle sent to another bank is TRANSFERRED:
-- out of this bank's stock for good.
alter table bottle alter column run_id drop not null;
alter table bottle alter column pool_id drop not null;
alter table bottle add column origin text not null default 'LOCAL' check (origin in ('LOCAL', 'TRANSFER'));
alter table bottle add column source_facility text;
alter table bottle add column transfer_id uuid;
alter table bottle add constraint bottle_origin_fields_check
    check ((origin = 'LOCAL') = (run_id is not null and pool_id is not null)
       and (origin = 'TRANSFER') = (source_facility is not null and transfer_id is not null));

alter table bottle drop constraint bottle_state_check;
alter table bottle add constraint bottle_state_check
    check (state in ('QUARANTINE', 'RELEASED', 'DISCARDED', 'DISPENSED', 'TRANSFERRED'));
