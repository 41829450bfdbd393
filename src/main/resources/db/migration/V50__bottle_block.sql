-- inventory: a block reaches every bottle of a pool at once.
create index bottle_pool_idx on bottle (pool_id);
