-- A bank's side of contingency: its own requests and offers, the network's board and alerts as its hub sent them,
-- and the shortage it declared itself.

-- What this bank posted to the network's board (amended in place with history; withdrawn with a reason, never deleted)
create table network_exchange_post (
    id               uuid primary key,
    type             text        not null check (type in ('REQUEST', 'OFFER')),
    volume_ml        integer     not null check (volume_ml > 0),
    product_class    text        not null check (product_class in ('PRETERM', 'TERM', 'HIGH_ENERGY')),
    needed_by        date,
    use_before       date,
    reason           text,
    status           text        not null check (status in ('OPEN', 'WITHDRAWN')),
    withdrawn_reason text,
    posted_at        timestamptz not null,
    posted_by        text        not null,
    version          bigint      not null default 0
);

-- The network's board as the hub relayed it (each entry's latest state; replies as the hub listed them)
create table network_board (
    facility_code  text        not null,
    id             uuid        not null,
    country        text,
    region         text,
    type           text        not null,
    volume_ml      integer     not null,
    product_class  text        not null,
    needed_by      date,
    use_before     date,
    reason         text,
    status         text        not null,
    replies        jsonb       not null default '[]',
    hub_sequence   bigint      not null,
    primary key (facility_code, id)
);

-- The network's shortage alerts as the hub sent them: one row a bank, short or ended
create table network_alert (
    facility_code  text primary key,
    country        text,
    region         text,
    short          boolean     not null,
    declared       boolean     not null default false,
    days_now       numeric(10, 1),
    lowest_days    numeric(10, 1),
    since          timestamptz,
    ended_at       timestamptz,
    hub_sequence   bigint      not null
);

-- The shortage this bank declared itself (one row at most)
create table network_declared_shortage (
    id          smallint primary key check (id = 1),
    declared    boolean     not null,
    reason      text        not null,
    changed_at  timestamptz not null,
    changed_by  text        not null,
    version     bigint      not null default 0
);
