-- collection: each container's outcome at reception (accepted, held, rejected) with what was read off its label,
-- and the logistics box a donation arrived in (its cold chain decides whether the milk can be accepted)
alter table donation add column box_id uuid;
create index donation_received_at_idx on donation (received_at);

alter table raw_container add column line_no int;
alter table raw_container add column condition text not null default 'INTACT'
    check (condition in ('INTACT', 'THAWED', 'BROKEN_SEAL', 'UNLABELLED'));
alter table raw_container add column weight_g int check (weight_g is null or weight_g > 0);
alter table raw_container add column expressed_at time;
alter table raw_container add column hold_reason text;
alter table raw_container add column reject_reason text
    check (reject_reason is null or reject_reason in
           ('THAWED', 'BROKEN_SEAL', 'UNLABELLED', 'TOO_OLD', 'DONOR_NOT_ELIGIBLE', 'COLD_CHAIN_BROKEN'));
alter table raw_container add column decided_at timestamptz;
-- a rejected container always says why; a reason never sits on a container in another state
alter table raw_container add constraint raw_container_rejected_has_reason
    check ((state = 'REJECTED') = (reject_reason is not null));
create index raw_container_held_idx on raw_container (donor_id) where state = 'HELD';
create index raw_container_rejected_idx on raw_container (reject_reason) where state = 'REJECTED';
-- the code on the donor's own container label, when she uses the bank's pre-printed labels: scanning one twice
-- would count one container as two
alter table raw_container add column label_code text;
create unique index raw_container_label_code_idx on raw_container (donor_id, label_code) where label_code is not null;
