-- collection: each block on a donor's milk (deferral or late positive test), the anchor of the bank-wide list
-- of blocks and of a donor's look-back. Written in the transaction that blocked her milk.
create table milk_block (
    id         uuid primary key,
    donor_id   uuid        not null references donor (id),
    donor_code text        not null,
    reason     text        not null,
    blocked_at timestamptz not null,
    blocked_by text        not null
);
create index milk_block_donor_idx on milk_block (donor_id, blocked_at);
