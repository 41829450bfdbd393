-- What went into a pool, as it was when pooled: the pool's page and its label never depend on later changes.
alter table pool_container
    add column din          text not null,
    add column donor_id     uuid not null references donor (id),
    add column donor_code   text not null,
    add column volume_ml    int  not null check (volume_ml > 0),
    add column expressed_on date not null;
create index pool_container_donor_idx on pool_container (donor_id);
