-- A bank's outbox: what it shares with the network hub, numbered from 1, written in the transaction of the change;
-- sent_at stays null until the hub acknowledged the batch
create table network_outbox (
    sequence bigint primary key check (sequence >= 1),
    payload jsonb not null,
    created_at timestamptz not null,
    sent_at timestamptz
);

-- The hub's register of banks, each enrolled with its Ed25519 public key (X.509, base64)
create table network_bank (
    id uuid primary key,
    facility_code text not null unique,
    country text not null,
    region text,
    size_litres_per_month integer check (size_litres_per_month is null or size_litres_per_month >= 0),
    public_key text not null,
    registered_at timestamptz not null,
    version bigint not null default 0
);

-- The batches the hub accepted, the bank in every key; the payload's UTF-8 bytes are kept as they came (bytea: no
-- length limit of free text applies to data a bank composed) so the signature can be checked again at any time
create table network_batch (
    facility_code text not null references network_bank (facility_code),
    sequence bigint not null check (sequence >= 1),
    created_at timestamptz not null,
    payload jsonb not null,
    payload_bytes bytea not null,
    sha256 text not null,
    signature text not null,
    received_at timestamptz not null,
    primary key (facility_code, sequence)
);

-- Every batch the hub refused, with its coded reason kept as data (Said: rendered in the reader's language)
create table network_refusal (
    id uuid primary key,
    facility_code text,
    sequence bigint,
    code text not null,
    reason jsonb not null,
    refused_at timestamptz not null
);
create index network_refusal_bank on network_refusal (facility_code, refused_at);
