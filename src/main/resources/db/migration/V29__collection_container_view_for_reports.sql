-- collection: what reports and recalls read of a container besides its state (DIN, donor, day expressed).
-- Columns are only appended, so the view is replaced in place.
create or replace view collection_container_v as
select id, state, volume_ml, din, donor_id, expressed_on from raw_container;
