-- inventory: a bottle's lifecycle state, for traces read by other modules.
create view inventory_bottle_v as
select id, state, volume_ml, expires_on from bottle;
