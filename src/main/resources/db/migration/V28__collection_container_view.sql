-- collection: a container's lifecycle state, for traces read by other modules.
create view collection_container_v as
select id, state, volume_ml from raw_container;
