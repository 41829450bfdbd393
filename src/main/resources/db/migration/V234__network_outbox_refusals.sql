-- What the hub refused of an entry it received (its number kept, its content not taken), coded (Said): the bank sees
-- which entry the hub could not take and why, and its later entries were not held back
alter table network_outbox add column hub_refusal jsonb;
