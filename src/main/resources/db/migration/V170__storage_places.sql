-- storage: where milk is kept. A storage unit (a freezer or fridge from the equipment register, or a room) holds
-- shelves or racks, which hold boxes, which hold positions. Each place has a purpose (raw, quarantined, released
-- and thawed milk are kept visibly apart) and may have a capacity. A unit of milk (a lineage unit: a container, a
-- bottle) is placed in one place at a time; each stay is a placement from one moment to the next, kept forever, so
-- that a warm freezer holds exactly the milk that was inside it during its excursion.

create table storage_place (
    id           uuid primary key,
    parent_id    uuid references storage_place (id),
    level        text        not null check (level in ('UNIT', 'SHELF', 'BOX', 'POSITION')),
    -- what is stuck on it and scanned: names one place only
    code         text        not null,
    name         text        not null,
    -- a storage unit only: what kind of cold (or not) it is, and the registered instrument it is
    unit_type    text check (unit_type in ('FREEZER', 'FRIDGE', 'ROOM')),
    equipment_id uuid references equipment (id),
    purpose      text        not null check (purpose in ('RAW', 'QUARANTINE', 'RELEASED', 'THAWED')),
    -- how many units of milk (a position: one; a box or shelf: what it takes directly); null: no limit
    capacity     int check (capacity > 0),
    -- a place taken out of use stays in the record with its reason
    retired_at   timestamptz,
    retired_by   text,
    retire_reason text,
    created_at   timestamptz not null,
    created_by   text        not null,
    version      bigint      not null default 0,
    check ((level = 'UNIT') = (parent_id is null)),
    check ((level = 'UNIT') = (unit_type is not null)),
    check (equipment_id is null or level = 'UNIT'),
    check ((retired_at is null) = (retire_reason is null)),
    check (parent_id is null or parent_id <> id)
);
create unique index storage_place_code_idx on storage_place (upper(code));
create index storage_place_parent_idx on storage_place (parent_id);

-- A place's own history: created, moved to another parent (a box carried to another freezer), purpose or capacity
-- changed, retired. Never edited.
create table storage_place_change (
    id            uuid primary key,
    place_id      uuid        not null references storage_place (id),
    change        text        not null check (change in ('CREATED', 'MOVED', 'AMENDED', 'RETIRED')),
    from_parent_id uuid references storage_place (id),
    to_parent_id  uuid references storage_place (id),
    data          jsonb       not null default '{}'::jsonb,
    reason        text,
    at            timestamptz not null,
    actor         text        not null
);
create index storage_place_change_place_idx on storage_place_change (place_id, at);

-- One stay of a unit of milk in a place. storage_unit_id is the storage unit (level UNIT) the place was inside
-- during the stay: when a box moves to another freezer, the stays of what it holds end and new ones begin, so the
-- milk inside a storage unit during any window is one range query. A stay is closed once (removed_at) and never
-- otherwise changed.
create table storage_placement (
    id              uuid primary key,
    unit_id         uuid        not null references milk_unit (id),
    place_id        uuid        not null references storage_place (id),
    storage_unit_id uuid        not null references storage_place (id),
    placed_at       timestamptz not null,
    placed_by       text        not null,
    removed_at      timestamptz,
    removed_by      text,
    -- why the stay ended: MOVED, BOX_MOVED, DISPENSED, DISCARDED, TAKEN_OUT (pooled, thawed, sent)
    removed_reason  text,
    check ((removed_at is null) = (removed_by is null)),
    check (removed_at is null or removed_at >= placed_at)
);
-- a unit is in one place at a time
create unique index storage_placement_current_idx on storage_placement (unit_id) where removed_at is null;
create index storage_placement_place_idx on storage_placement (place_id) where removed_at is null;
create index storage_placement_window_idx on storage_placement (storage_unit_id, placed_at, removed_at);

create function storage_placement_close_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a stay in a place is never deleted';
    end if;
    if old.removed_at is not null
        or new.id <> old.id or new.unit_id <> old.unit_id or new.place_id <> old.place_id
        or new.storage_unit_id <> old.storage_unit_id or new.placed_at <> old.placed_at
        or new.placed_by <> old.placed_by then
        raise exception 'a stay in a place is only ever closed, once';
    end if;
    return new;
end $$;
create trigger storage_placement_close_only
    before update or delete on storage_placement
    for each row execute function storage_placement_close_only();

-- What other modules (reporting, traceability) may read: every stay, with the codes people know.
create view storage_placement_v as
select p.id, p.unit_id, u.din, u.code as unit_code, u.kind as unit_kind,
       p.place_id, pl.code as place_code, pl.purpose as place_purpose,
       p.storage_unit_id, su.code as storage_unit_code, su.unit_type,
       p.placed_at, p.placed_by, p.removed_at, p.removed_by, p.removed_reason
from storage_placement p
         join milk_unit u on u.id = p.unit_id
         join storage_place pl on pl.id = p.place_id
         join storage_place su on su.id = p.storage_unit_id;
