-- traceability: the milk's lineage (every unit, every parent -> child link, every event) and the holds beside it.
-- The lineage is append-only: the database itself refuses UPDATE and DELETE. A hold changes only by ending.

create table milk_unit (
    id           uuid primary key,
    din          text unique,
    -- how people name a unit without a DIN of its own: a run is its pool's DIN and its number on that pool
    code         text,
    kind         text        not null check (kind in ('CONTAINER', 'POOL', 'RUN', 'BOTTLE', 'ALIQUOT', 'SAMPLE')),
    donor_id     uuid,
    expressed_on date,
    created_at   timestamptz not null,
    recorded_at  timestamptz not null default now(),
    -- only a container has a donor and an expression day of its own; the rest inherit them from their ancestors
    check (din is not null or code is not null),
    check ((kind = 'CONTAINER') = (donor_id is not null)),
    check ((kind = 'CONTAINER') = (expressed_on is not null))
);
create index milk_unit_donor_idx on milk_unit (donor_id, expressed_on) where donor_id is not null;

create table milk_link (
    parent_id uuid        not null references milk_unit (id),
    child_id  uuid        not null references milk_unit (id),
    volume_ml int check (volume_ml is null or volume_ml > 0),
    at        timestamptz not null,
    primary key (parent_id, child_id),
    check (parent_id <> child_id)
);
create index milk_link_child_idx on milk_link (child_id);

create table milk_event (
    id          uuid primary key,
    unit_id     uuid        not null references milk_unit (id),
    type        text        not null,
    at          timestamptz not null,
    actor       text        not null,
    place       text,
    reason_code text,
    infant_id   uuid,
    data        jsonb       not null default '{}'::jsonb,
    recorded_at timestamptz not null default now()
);
create index milk_event_unit_idx on milk_event (unit_id, at);
create index milk_event_infant_idx on milk_event (infant_id, at) where infant_id is not null;

create table milk_hold (
    id          uuid primary key,
    kind        text        not null check (kind in ('DONOR_BLOCK', 'DONOR_DEFERRAL', 'CULTURE', 'RECALL', 'EXPIRY',
                                                     'EXCURSION', 'CALIBRATION')),
    scope       text        not null check (scope in ('UNIT', 'DONOR_WINDOW')),
    unit_id     uuid references milk_unit (id),
    donor_id    uuid,
    window_from date,
    window_to   date,
    reason_code text        not null,
    reason_args jsonb       not null default '[]'::jsonb,
    -- the clinical record behind a donor hold (serology result, deferral) that only clinical roles may open
    detail_ref  text,
    recall_id   uuid,
    placed_at   timestamptz not null,
    placed_by   text        not null,
    ended_at    timestamptz,
    ended_by    text,
    end_reason  text,
    outcome     text check (outcome in ('LIFTED', 'PASSED', 'DISCARDED', 'RELEASED', 'VOIDED')),
    check ((scope = 'UNIT') = (unit_id is not null)),
    check ((scope = 'DONOR_WINDOW') = (donor_id is not null)),
    check (window_to is null or window_from is null or window_to >= window_from),
    check ((ended_at is null) = (outcome is null)),
    check ((ended_at is null) = (ended_by is null))
);
create index milk_hold_unit_active_idx on milk_hold (unit_id) where ended_at is null;
create index milk_hold_donor_active_idx on milk_hold (donor_id) where ended_at is null;
create index milk_hold_detail_idx on milk_hold (detail_ref) where detail_ref is not null;
create index milk_hold_recall_idx on milk_hold (recall_id) where recall_id is not null;

create function milk_lineage_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the milk''s lineage is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'P0001';
end;
$$;
create trigger milk_unit_append_only before update or delete on milk_unit
    for each row execute function milk_lineage_is_append_only();
create trigger milk_link_append_only before update or delete on milk_link
    for each row execute function milk_lineage_is_append_only();
create trigger milk_event_append_only before update or delete on milk_event
    for each row execute function milk_lineage_is_append_only();

create function milk_hold_changes_only_by_ending() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a hold is never deleted; end it with a reason' using errcode = 'P0001';
    end if;
    if old.ended_at is not null then
        raise exception 'hold % has already ended', old.id using errcode = 'P0001';
    end if;
    if (new.id, new.kind, new.scope, new.unit_id, new.donor_id, new.window_from, new.window_to, new.reason_code,
        new.reason_args, new.detail_ref, new.recall_id, new.placed_at, new.placed_by)
        is distinct from
       (old.id, old.kind, old.scope, old.unit_id, old.donor_id, old.window_from, old.window_to, old.reason_code,
        old.reason_args, old.detail_ref, old.recall_id, old.placed_at, old.placed_by) then
        raise exception 'a hold changes only by ending' using errcode = 'P0001';
    end if;
    return new;
end;
$$;
create trigger milk_hold_ends_only before update or delete on milk_hold
    for each row execute function milk_hold_changes_only_by_ending();

-- Every unit with each of its ancestors (itself included, depth 0): one recursive walk up the links.
create function milk_ancestors(units uuid[])
    returns table (unit_id uuid, ancestor_id uuid, depth int)
    language sql stable as $$
    with recursive up (unit_id, ancestor_id, depth) as (
        select u, u, 0 from unnest(units) as u
        union
        select up.unit_id, l.parent_id, up.depth + 1
        from up join milk_link l on l.child_id = up.ancestor_id
    )
    select unit_id, ancestor_id, min(depth) from up group by unit_id, ancestor_id
$$;

-- Every unit with each of its descendants (itself included): one recursive walk down the links.
create function milk_descendants(units uuid[])
    returns table (unit_id uuid, descendant_id uuid, depth int)
    language sql stable as $$
    with recursive down (unit_id, descendant_id, depth) as (
        select u, u, 0 from unnest(units) as u
        union
        select down.unit_id, l.child_id, down.depth + 1
        from down join milk_link l on l.parent_id = down.descendant_id
    )
    select unit_id, descendant_id, min(depth) from down group by unit_id, descendant_id
$$;

-- The active holds that make each unit unusable: on the unit or an ancestor, or a donor window covering a
-- container it came from.
create function milk_active_holds(units uuid[])
    returns table (unit_id uuid, hold_id uuid, held_unit_id uuid)
    language sql stable as $$
    select a.unit_id, h.id, a.ancestor_id
    from milk_ancestors(units) a
    join milk_hold h on h.scope = 'UNIT' and h.unit_id = a.ancestor_id and h.ended_at is null
    union
    select a.unit_id, h.id, a.ancestor_id
    from milk_ancestors(units) a
    join milk_unit c on c.id = a.ancestor_id and c.kind = 'CONTAINER'
    join milk_hold h on h.scope = 'DONOR_WINDOW' and h.donor_id = c.donor_id and h.ended_at is null
        and (h.window_from is null or c.expressed_on >= h.window_from)
        and (h.window_to is null or c.expressed_on <= h.window_to)
$$;

-- Back-fill the lineage from the path as recorded so far.
insert into milk_unit (id, din, kind, donor_id, expressed_on, created_at)
select rc.id, rc.din, 'CONTAINER', rc.donor_id, rc.expressed_on, d.received_at
from raw_container rc join donation d on d.id = rc.donation_id;

insert into milk_unit (id, din, kind, created_at)
select id, din, 'POOL', created_at from pool;

insert into milk_unit (id, code, kind, created_at)
select r.id, p.din || '-R' || row_number() over (partition by r.pool_id order by r.started_at, r.recorded_at),
       'RUN', r.started_at
from pasteurisation_run r join pool p on p.id = r.pool_id;

insert into milk_unit (id, din, kind, created_at)
select id, din, 'BOTTLE', created_at from bottle;

insert into milk_link (parent_id, child_id, volume_ml, at)
select pc.container_id, pc.pool_id, pc.volume_ml, p.created_at
from pool_container pc join pool p on p.id = pc.pool_id;

insert into milk_link (parent_id, child_id, at)
select r.pool_id, r.id, r.started_at from pasteurisation_run r;

insert into milk_link (parent_id, child_id, volume_ml, at)
select b.run_id, b.id, b.volume_ml, b.created_at from bottle b;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), rc.id,
       case rc.state when 'REJECTED' then 'REJECTED' when 'HELD' then 'HELD_AT_RECEPTION' else 'RECEIVED' end,
       d.received_at, d.received_by,
       jsonb_strip_nulls(jsonb_build_object('volumeMl', rc.volume_ml, 'rejectReason', rc.reject_reason))
from raw_container rc join donation d on d.id = rc.donation_id;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), p.id, 'POOLED', p.created_at, p.created_by,
       jsonb_build_object('volumeMl', p.volume_ml, 'donorCount', p.donor_count)
from pool p;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), r.id, case r.outcome when 'PASSED' then 'PASTEURISED' else 'CYCLE_FAILED' end,
       r.ended_at, r.recorded_by,
       jsonb_build_object('method', r.method, 'startedAt', r.started_at, 'endedAt', r.ended_at)
from pasteurisation_run r;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), r.id, 'RELEASED', r.released_at, r.released_by, '{}'::jsonb
from pasteurisation_run r where r.released_at is not null;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), b.id, 'FILLED', b.created_at, r.recorded_by,
       jsonb_build_object('volumeMl', b.volume_ml, 'expiresOn', b.expires_on)
from bottle b join pasteurisation_run r on r.id = b.run_id;

insert into milk_event (id, unit_id, type, at, actor, data)
select gen_random_uuid(), b.id, 'RELEASED', r.released_at, r.released_by, '{}'::jsonb
from bottle b join pasteurisation_run r on r.id = b.run_id where r.released_at is not null;

insert into milk_event (id, unit_id, type, at, actor, infant_id, data)
select gen_random_uuid(), ds.bottle_id, 'DISPENSED', ds.dispensed_at, ds.dispensed_by, ds.infant_id, '{}'::jsonb
from dispense ds;

-- discarded milk: the staff's words stay in the module's own row; the lineage carries a code
insert into milk_event (id, unit_id, type, at, actor, reason_code, data)
select gen_random_uuid(), rc.id, 'DISCARDED', d.received_at, d.received_by, 'legacy', '{}'::jsonb
from raw_container rc join donation d on d.id = rc.donation_id where rc.state = 'DISCARDED';

-- every block recorded so far becomes a hold over all of that donor's milk (blocks had no window)
insert into milk_hold (id, kind, scope, donor_id, reason_code, placed_at, placed_by)
select b.id, 'DONOR_BLOCK', 'DONOR_WINDOW', b.donor_id, 'donor.blocked', b.blocked_at, b.blocked_by
from milk_block b;
