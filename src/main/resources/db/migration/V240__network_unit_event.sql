-- The hub's record of the de-identified unit-level events a bank shares (payload kind "events"): each event's type,
-- the hour it happened, the month it fell in at the bank, the unit's kind and pseudonym (an HMAC the bank keyed: the
-- hub links one unit's events without learning its DIN), its volume, its ICCBBA product and a coded reason that is
-- never a test result. No donor, infant, name, address, serology or culture is ever here.
-- Partitioned by the bank's month, the bank first in every key; a default partition takes any month no partition
-- covers, so no batch is refused for its month. batch_sequence is the bank's batch number (network_batch is
-- partitioned by its own month, so it is named, not referenced).
create table network_unit_event (
    facility_code  text        not null,
    occurred_month date        not null check (occurred_month = date_trunc('month', occurred_month)::date),
    occurred_at    timestamptz not null,
    unit           text        not null,
    type           text        not null,
    unit_kind      text,
    volume_ml      integer check (volume_ml is null or volume_ml >= 0),
    product        text,
    reason_code    text,
    batch_sequence bigint      not null,
    ordinal        integer     not null check (ordinal >= 0),
    primary key (facility_code, occurred_month, batch_sequence, ordinal),
    foreign key (facility_code) references network_bank (facility_code)
) partition by range (occurred_month);

create index network_unit_event_unit on network_unit_event (facility_code, unit);

create table network_unit_event_default partition of network_unit_event default;

-- the months around now; UnitEvents makes a later month's as its first events come (network_partitions_ahead, V235,
-- moving any of its rows the default partition took)
select network_partitions_ahead('network_unit_event', 'occurred_month', date '2025-01-01',
                                (current_date + interval '3 months')::date);
