-- dispensing: the dispense view tells a dispense the ward returned unused (V67), so readers count only the milk that
-- stayed with the infant.
create or replace view dispensing_dispense_v as
select id, bottle_id, infant_id, dispensed_at, returned_at from dispense;
