-- dispensing: each bottle given to an infant, for reports read by other modules.
create view dispensing_dispense_v as
select id, bottle_id, infant_id, dispensed_at from dispense;
