-- ward: what happens to milk on the neonatal unit (issue 13): a bottle divided into aliquots (syringes) with the
-- remainder discarded, the bedside check's near misses and the feeds. Feeds and near misses are append-only: the
-- database refuses UPDATE and DELETE; an override is a feed that names the near miss it overrode.

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'bedside.override-reasons', 'NONE',
       'Bank parameter, no standard fixes it: no bedside refusal is overridden until the bank lists the ones two nurses may override (NOT_ISSUED); held, recalled, expired milk and the wrong baby never'
from standard_profile
on conflict do nothing;

create table ward_preparation (
    id               uuid primary key,
    bottle_id        uuid        not null unique,
    bottle_din       text        not null,
    bottle_volume_ml int         not null check (bottle_volume_ml > 0),
    remainder_ml     int         not null check (remainder_ml >= 0),
    remainder_reason text,
    prepared_at      timestamptz not null,
    prepared_by      text        not null,
    recorded_at      timestamptz not null default now(),
    check (remainder_ml = 0 or remainder_reason is not null)
);

create table ward_aliquot (
    id             uuid primary key,
    preparation_id uuid        not null references ward_preparation (id),
    bottle_id      uuid        not null,
    -- the bottle's DIN and the ISBT 128 division code: A000126000001-A0
    code           text        not null unique,
    division_code  text        not null check (division_code ~ '^[A-Z][0a-z]$'),
    infant_id      uuid        not null,
    volume_ml      int         not null check (volume_ml > 0),
    expires_at     timestamptz not null,
    thawed_at      timestamptz,
    prepared_at    timestamptz not null,
    prepared_by    text        not null,
    unique (bottle_id, division_code)
);
create index ward_aliquot_infant_idx on ward_aliquot (infant_id);

create table ward_near_miss (
    id                  uuid primary key,
    at                  timestamptz not null,
    ward                text,
    nurse               text        not null,
    infant_id           uuid,
    scanned_infant_code text        not null,
    unit_id             uuid,
    unit_label          text        not null,
    reasons             text[]      not null check (cardinality(reasons) > 0),
    recorded_at         timestamptz not null default now()
);
create index ward_near_miss_at_idx on ward_near_miss (at);

create table ward_feed (
    id                    uuid primary key,
    infant_id             uuid        not null,
    unit_id               uuid        not null unique,
    unit_label            text        not null,
    unit_kind             text        not null check (unit_kind in ('BOTTLE', 'ALIQUOT')),
    bottle_id             uuid        not null,
    volume_ml             int         not null check (volume_ml > 0),
    fed_at                timestamptz not null,
    fed_by                text        not null,
    ward                  text,
    override_reason       text,
    override_near_miss_id uuid references ward_near_miss (id),
    countersigned_by      text,
    recorded_at           timestamptz not null default now(),
    check ((override_near_miss_id is null) = (override_reason is null)
           and (override_near_miss_id is null) = (countersigned_by is null))
);
create index ward_feed_infant_idx on ward_feed (infant_id, fed_at);

create function ward_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ward records are append-only: % on % refused', tg_op, tg_table_name;
end $$;
create trigger ward_near_miss_append_only before update or delete on ward_near_miss
    for each row execute function ward_refuse_change();
create trigger ward_feed_append_only before update or delete on ward_feed
    for each row execute function ward_refuse_change();
create trigger ward_aliquot_append_only before update or delete on ward_aliquot
    for each row execute function ward_refuse_change();
create trigger ward_preparation_append_only before update or delete on ward_preparation
    for each row execute function ward_refuse_change();
