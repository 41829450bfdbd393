-- processing: a pool's volume as an account to the mL. Every movement (bottled by a run's bottle line, sampled,
-- discarded with a reason, returned by a failed run) is appended with who and when; nothing is changed or removed.
create table pool_volume_movement (
    id          uuid primary key,
    seq         bigint generated always as identity unique,
    pool_id     uuid        not null references pool (id),
    kind        text        not null check (kind in ('BOTTLED', 'SAMPLED', 'DISCARDED', 'RETURNED')),
    volume_ml   int         not null check (volume_ml > 0),
    run_id      uuid,
    run_code    text,
    bottle_count int check (bottle_count >= 1),
    bottle_ml   int check (bottle_ml >= 1),
    reason_code text check (reason_code in ('TOO_LITTLE_LEFT', 'SPILLED', 'CONTAMINATED', 'OUT_OF_DATE', 'OTHER',
                                            'POOL_DISCARDED', 'CULTURE_FAILED', 'BEFORE_ACCOUNT')),
    note        text,
    moved_at    timestamptz not null,
    moved_by    text        not null,
    -- a bottling names its run and its line; a discard names its reason
    check (kind <> 'BOTTLED' or (run_id is not null and bottle_count is not null and bottle_ml is not null
                                 and volume_ml = bottle_count * bottle_ml)),
    check (kind <> 'DISCARDED' or reason_code is not null),
    check (kind not in ('SAMPLED', 'RETURNED') or run_id is not null)
);
create index pool_volume_movement_pool_idx on pool_volume_movement (pool_id, seq);

create function pool_volume_movement_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'pool volume movements are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;
create trigger pool_volume_movement_append_only before update or delete on pool_volume_movement
    for each row execute function pool_volume_movement_is_append_only();

-- The account of the pools recorded before it: a passed run bottled its one line; a pool pasteurised then had
-- nothing left for another run, so what its run did not bottle is accounted as discarded before the account; a
-- discarded pool discarded all of it. Remainders are accounted now, by the system (when they left is not known).
insert into pool_volume_movement (id, pool_id, kind, volume_ml, run_id, run_code, bottle_count, bottle_ml,
                                  moved_at, moved_by)
select gen_random_uuid(), r.pool_id, 'BOTTLED', r.bottle_count * r.bottle_volume_ml, r.id,
       p.din || '-R' || (select count(*) from pasteurisation_run o
                         where o.pool_id = r.pool_id and o.recorded_at <= r.recorded_at),
       r.bottle_count, r.bottle_volume_ml, r.recorded_at, r.recorded_by
from pasteurisation_run r
         join pool p on p.id = r.pool_id
where r.outcome = 'PASSED' and r.bottle_count >= 1 and r.bottle_volume_ml >= 1
order by r.recorded_at;

insert into pool_volume_movement (id, pool_id, kind, volume_ml, reason_code, moved_at, moved_by)
select gen_random_uuid(), p.id, 'DISCARDED', p.volume_ml - coalesce(b.bottled, 0),
       case when p.state = 'PASTEURISED' then 'BEFORE_ACCOUNT'
            when p.discard_code is not null then 'CULTURE_FAILED'
            else 'POOL_DISCARDED' end,
       now(), 'system'
from pool p
         left join (select pool_id, sum(volume_ml) as bottled from pool_volume_movement group by pool_id) b
                   on b.pool_id = p.id
where p.state in ('PASTEURISED', 'DISCARDED')
  and p.volume_ml - coalesce(b.bottled, 0) > 0;
