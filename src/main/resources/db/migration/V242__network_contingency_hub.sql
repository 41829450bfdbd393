-- The hub's contingency records (issue 15, point 4): who is short of milk, and the board of requests and offers.

-- Each bank's shortage state as the hub last decided it: short when its forecast days of supply fall below the
-- network's threshold or when the bank declared a shortage itself; a message goes to every bank when it changes
create table network_shortage (
    facility_code   text primary key references network_bank (facility_code),
    short           boolean     not null,
    declared        boolean     not null default false,
    declared_reason text,
    days_now        numeric(10, 1),
    lowest_days     numeric(10, 1),
    since           timestamptz,
    reviewed_at     timestamptz not null,
    version         bigint      not null default 0
);

-- The network's board: every bank's requests for milk and offers of it, as the bank posted, amended or withdrew
-- them (nothing is deleted), the bank in every key
create table network_exchange (
    facility_code    text        not null references network_bank (facility_code),
    id               uuid        not null,
    type             text        not null check (type in ('REQUEST', 'OFFER')),
    volume_ml        integer     not null check (volume_ml > 0),
    product_class    text        not null check (product_class in ('PRETERM', 'TERM', 'HIGH_ENERGY')),
    needed_by        date,
    use_before       date,
    reason           text,
    status           text        not null check (status in ('OPEN', 'WITHDRAWN')),
    withdrawn_reason text,
    posted_at        timestamptz not null,
    changed_at       timestamptz not null,
    version          bigint      not null default 0,
    primary key (facility_code, id),
    check ((type = 'REQUEST' and needed_by is not null) or (type = 'OFFER' and use_before is not null))
);
create index network_exchange_open on network_exchange (status, type);

-- Answers to a request or an offer ("we can send 2 L"), the answering bank in the key
create table network_exchange_reply (
    facility_code  text        not null references network_bank (facility_code),
    id             uuid        not null,
    entry_facility text        not null,
    entry_id       uuid        not null,
    volume_ml      integer     not null check (volume_ml > 0),
    note           text,
    replied_at     timestamptz not null,
    primary key (facility_code, id),
    foreign key (entry_facility, entry_id) references network_exchange (facility_code, id)
);
create index network_exchange_reply_entry on network_exchange_reply (entry_facility, entry_id);
