-- processing: what reports read of a pool besides its state (DIN, when it was made). Columns only appended.
create or replace view processing_pool_v as
select id, state, volume_ml, donor_count, din, created_at from pool;
