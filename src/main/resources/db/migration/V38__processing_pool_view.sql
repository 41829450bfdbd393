-- processing: a pool's lifecycle state, for traces read by other modules.
create view processing_pool_v as
select id, state, volume_ml, donor_count from pool;
