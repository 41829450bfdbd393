-- storage: a place's code path as people read it ("FRZ-01 › S2 › BOX-7"), and stock takes.

create function storage_place_path(place uuid) returns text language sql stable as $$
    with recursive up(id, parent_id, code, depth) as (
        select id, parent_id, code, 0 from storage_place where id = place
        union all
        select sp.id, sp.parent_id, sp.code, up.depth + 1
        from storage_place sp join up on sp.id = up.parent_id
    )
    select string_agg(code, ' › ' order by depth desc) from up
$$;

-- A stock take of one place (a storage unit, a shelf or a box, with what is inside it): every unit found there is
-- scanned; when it is finished, the missing (expected, not scanned) and the extra (scanned, expected elsewhere or
-- nowhere) are kept as differences, each explained by a coded reason and a note. Nothing is deleted.
create table storage_stock_take (
    id          uuid primary key,
    place_id    uuid        not null references storage_place (id),
    status      text        not null check (status in ('OPEN', 'FINISHED')),
    started_at  timestamptz not null,
    started_by  text        not null,
    finished_at timestamptz,
    finished_by text,
    version     bigint      not null default 0,
    check ((status = 'FINISHED') = (finished_at is not null)),
    check ((finished_at is null) = (finished_by is null))
);
create index storage_stock_take_place_idx on storage_stock_take (place_id, started_at);

create table storage_stock_take_scan (
    id            uuid primary key,
    stock_take_id uuid        not null references storage_stock_take (id),
    unit_id       uuid        not null references milk_unit (id),
    scanned_at    timestamptz not null,
    scanned_by    text        not null,
    unique (stock_take_id, unit_id)
);

create table storage_stock_take_difference (
    id                uuid primary key,
    stock_take_id     uuid        not null references storage_stock_take (id),
    unit_id           uuid        not null references milk_unit (id),
    kind              text        not null check (kind in ('MISSING', 'EXTRA')),
    -- where the records had it when the stock take finished (null: nowhere)
    expected_place_id uuid references storage_place (id),
    reason_code       text check (reason_code in ('MISPLACED', 'NOT_RECORDED', 'USED_NOT_RECORDED', 'LOST',
                                                  'LABEL_UNREADABLE', 'OTHER')),
    note              text,
    -- an extra unit put into the place by the explanation itself
    moved_here        boolean     not null default false,
    explained_at      timestamptz,
    explained_by      text,
    version           bigint      not null default 0,
    unique (stock_take_id, unit_id),
    check ((explained_at is null) = (reason_code is null)),
    check ((explained_at is null) = (explained_by is null)),
    check (not moved_here or kind = 'EXTRA')
);

-- a difference is explained once; its facts never change
create function storage_stock_take_difference_explained_once() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a stock take difference is never deleted';
    end if;
    if old.explained_at is not null or new.id <> old.id or new.stock_take_id <> old.stock_take_id
        or new.unit_id <> old.unit_id or new.kind <> old.kind
        or new.expected_place_id is distinct from old.expected_place_id then
        raise exception 'a stock take difference is only ever explained, once';
    end if;
    return new;
end $$;
create trigger storage_stock_take_difference_explained_once
    before update or delete on storage_stock_take_difference
    for each row execute function storage_stock_take_difference_explained_once();
