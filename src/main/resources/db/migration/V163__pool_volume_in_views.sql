-- processing: what reports and traces read of a pool's volume account. Columns only appended.
create or replace view processing_pool_v as
select p.id, p.state, p.volume_ml, p.donor_count, p.din, p.created_at,
       coalesce((select sum(m.volume_ml) from pool_volume_movement m
                 where m.pool_id = p.id and m.kind = 'BOTTLED'), 0)::int   as bottled_ml,
       coalesce((select sum(m.volume_ml) from pool_volume_movement m
                 where m.pool_id = p.id and m.kind = 'SAMPLED'), 0)::int   as sampled_ml,
       coalesce((select sum(m.volume_ml) from pool_volume_movement m
                 where m.pool_id = p.id and m.kind = 'DISCARDED'), 0)::int as discarded_ml,
       p.volume_ml - coalesce((select sum(m.volume_ml) from pool_volume_movement m
                               where m.pool_id = p.id and m.kind <> 'RETURNED'), 0)::int as left_ml
from pool p;
