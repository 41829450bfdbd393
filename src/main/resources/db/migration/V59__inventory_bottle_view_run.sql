-- inventory: each bottle's run in its published view, so readers (the indicators' volume pasteurised) sum a run's
-- bottles without walking the lineage.
create or replace view inventory_bottle_v as
select id, state, volume_ml, expires_on, run_id from bottle;
