-- collection: a block is no longer a state of the container. The donor's risk window is a hold beside the state
-- (traceability's milk_hold); a container once BLOCKED goes back to where its life was: in its pool, or in the raw
-- store, where the hold keeps it out of use. The words of the old block reason are not kept on the container.
update raw_container set state = case when pool_id is not null then 'POOLED' else 'RAW_FROZEN' end
where state = 'BLOCKED';

alter table raw_container drop column block_reason;

alter table raw_container drop constraint raw_container_state_check;
alter table raw_container add constraint raw_container_state_check
    check (state in ('RAW_FROZEN', 'HELD', 'POOLED', 'DISCARDED', 'REJECTED'));

-- milk expressed within a window of the donor's milk that may never be used is rejected at reception
alter table raw_container drop constraint raw_container_reject_reason_check;
alter table raw_container add constraint raw_container_reject_reason_check
    check (reject_reason is null or reject_reason in
           ('THAWED', 'BROKEN_SEAL', 'UNLABELLED', 'TOO_OLD', 'DONOR_NOT_ELIGIBLE', 'COLD_CHAIN_BROKEN',
            'DONOR_BLOCKED'));
