-- A bank's transfers of milk to and from other banks of the network. OUT: made here, bottles scanned, dispatched
-- (the manifest went to the outbox); IN: announced by the hub (awaiting arrival), each bottle scanned on arrival.
create table network_bank_transfer (
    id            uuid primary key,
    direction     text        not null check (direction in ('OUT', 'IN')),
    -- the other bank: the destination of an OUT transfer, the source of an IN one
    peer_facility text        not null,
    state         text        not null check (state in ('DRAFT', 'DISPATCHED', 'RECEIVED', 'AWAITING', 'ARRIVED')),
    reference     text,
    reason        text,
    packed_by     text,
    created_at    timestamptz not null,
    created_by    text        not null,
    dispatched_at timestamptz,
    arrived_at    timestamptz,
    version       bigint      not null default 0,
    check ((direction = 'OUT') = (state in ('DRAFT', 'DISPATCHED', 'RECEIVED'))),
    check (state = 'DRAFT' or state = 'AWAITING' or direction = 'IN' or dispatched_at is not null)
);
create index network_bank_transfer_created on network_bank_transfer (created_at desc);

-- Each bottle of a transfer: its DIN, its manifest entry as it was sent (DIN, product, volume, expiry, lineage at the
-- source: pools, runs, donor references, never names), and what became of it at the destination
create table network_bank_transfer_bottle (
    transfer_id       uuid        not null references network_bank_transfer (id),
    din               text        not null,
    bottle_id         uuid,
    manifest          jsonb,
    added_at          timestamptz not null,
    outcome           text check (outcome in ('ACCEPTED', 'DISCARDED')),
    outcome_code      text,
    arrival_temperature_c numeric(5, 1),
    arrived_at        timestamptz,
    arrived_by        text,
    recall_code       text,
    recalled_at       timestamptz,
    -- taken out again while the transfer was being packed (kept, with who and why in the transfer's history)
    removed_at        timestamptz,
    primary key (transfer_id, din),
    check ((outcome is null) = (arrived_at is null)),
    check ((recall_code is null) = (recalled_at is null))
);
create index network_bank_transfer_bottle_din on network_bank_transfer_bottle (din);

-- The hub's record of transfers between banks, the source bank in every key
create table network_transfer (
    facility_code      text        not null references network_bank (facility_code),
    transfer_id        uuid        not null,
    destination        text        not null references network_bank (facility_code),
    reference          text,
    dispatched_at      timestamptz not null,
    received_at        timestamptz,
    primary key (facility_code, transfer_id)
);
create index network_transfer_destination on network_transfer (destination, dispatched_at);

create table network_transfer_bottle (
    facility_code text not null,
    transfer_id   uuid not null,
    din           text not null,
    outcome       text check (outcome in ('ACCEPTED', 'DISCARDED')),
    recall_code   text,
    primary key (facility_code, transfer_id, din),
    foreign key (facility_code, transfer_id) references network_transfer (facility_code, transfer_id)
);

-- Recalls the source bank sent for the bottles of a transfer, as relayed by the hub
create table network_transfer_recall (
    facility_code text        not null,
    transfer_id   uuid        not null,
    recall_code   text        not null,
    reason_code   text        not null,
    dins          jsonb       not null,
    relayed_at    timestamptz not null,
    primary key (facility_code, transfer_id, recall_code),
    foreign key (facility_code, transfer_id) references network_transfer (facility_code, transfer_id)
);
