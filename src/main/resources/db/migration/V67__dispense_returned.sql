-- dispensing: a dispensed bottle the ward did not use comes back (issue 13). Its dispense is kept, marked returned,
-- and the bottle may be dispensed again once back in stock: one dispense in force per bottle, not one ever.
alter table dispense drop constraint dispense_bottle_id_key;
alter table dispense add column returned_at timestamptz;
alter table dispense add column returned_by text;
alter table dispense add constraint dispense_returned_check check ((returned_at is null) = (returned_by is null));
create unique index dispense_bottle_in_force on dispense (bottle_id) where returned_at is null;
create index dispense_bottle_idx on dispense (bottle_id);

