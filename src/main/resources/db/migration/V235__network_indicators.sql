-- The hub's batches partitioned by month of created_at (when the bank wrote them), the bank in every key, so the hub
-- can be distributed by bank (Citus: create_distributed_table('network_batch', 'facility_code')) without a schema
-- change. A partitioned table's primary key must hold the partition key, so the key is (bank, number, moment): one
-- bank's numbers stay unique because BatchIntake locks the bank's row (network_bank ... for update) and decides one
-- batch of a bank at a time, accepting only the number after the last it holds.
alter table network_batch rename to network_batch_unpartitioned;
alter table network_batch_unpartitioned rename constraint network_batch_pkey to network_batch_unpartitioned_pkey;

create table network_batch (
    facility_code text not null references network_bank (facility_code),
    sequence bigint not null check (sequence >= 1),
    created_at timestamptz not null,
    payload jsonb not null,
    payload_bytes bytea not null,
    sha256 text not null,
    signature text not null,
    received_at timestamptz not null,
    primary key (facility_code, sequence, created_at)
) partition by range (created_at);
-- a batch of a month without its partition (a bank's clock far off, a month not yet made) is never refused
create table network_batch_default partition of network_batch default;
create index network_batch_bank_sequence on network_batch (facility_code, sequence);

-- Makes the months first..last of a table partitioned by month on column, as network_month_partitions does, and
-- first moves the rows the default partition holds for a month into that month's new partition (a partition cannot
-- be made while the default holds rows of its range). Rows move between partitions of one table: nothing is lost.
create or replace function network_partitions_ahead(parent regclass, col text, first date, last date) returns void
language plpgsql as $$
declare
    m date := date_trunc('month', first)::date;
    name text;
    dflt text;
    moved boolean;
begin
    select c.oid::regclass::text into dflt
    from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = parent and pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
    while m <= last loop
        name := format('%s_y%sm%s', parent::text, to_char(m, 'YYYY'), to_char(m, 'MM'));
        if to_regclass(name) is null then
            moved := false;
            if dflt is not null then
                execute format('select exists (select 1 from %s where %I >= %L and %I < %L)',
                               dflt, col, m, col, (m + interval '1 month')::date) into moved;
            end if;
            if moved then
                execute format('create table %I (like %s including defaults including constraints)', name, parent);
                execute format('with gone as (delete from %s where %I >= %L and %I < %L returning *) '
                               || 'insert into %I select * from gone',
                               dflt, col, m, col, (m + interval '1 month')::date, name);
                execute format('alter table %s attach partition %I for values from (%L) to (%L)',
                               parent, name, m, (m + interval '1 month')::date);
            else
                perform network_month_partitions(parent, m, m);
            end if;
        end if;
        m := (m + interval '1 month')::date;
    end loop;
end;
$$;

-- the months the batches already held need, then the batches themselves
select network_partitions_ahead('network_batch', 'created_at',
                                coalesce((select min(created_at) from network_batch_unpartitioned), current_date)::date,
                                (current_date + interval '3 months')::date);
insert into network_batch (facility_code, sequence, created_at, payload, payload_bytes, sha256, signature, received_at)
select facility_code, sequence, created_at, payload, payload_bytes, sha256, signature, received_at
from network_batch_unpartitioned;
drop table network_batch_unpartitioned;

-- Whether a bank agreed to be named to its peers in the benchmarks (set by the bank's sharing choice)
alter table network_bank add column if not exists named boolean not null default false;

-- The hub's projection of the banks' indicators batches: the latest batch of a bank for a month holds the month's
-- figures (an older batch for the same month stays in network_batch, its figures are replaced here). breakdown ''
-- is the total (a key column cannot be null). Partitioned by month, the bank first in every key.
create table network_indicator (
    facility_code text not null,
    month date not null check (extract(day from month) = 1),
    code text not null,
    breakdown text not null default '' check (breakdown = '' or breakdown ~ '^[A-Z0-9_]+$'),
    value numeric,
    numerator numeric,
    denominator numeric,
    batch_sequence bigint not null,
    primary key (facility_code, month, code, breakdown)
) partition by range (month);
create table network_indicator_default partition of network_indicator default;
create index network_indicator_code on network_indicator (code, month, breakdown);

-- What each bank's numbers of a month mean: per indicator its unit, whether it is a rate, and the parameters of the
-- bank's standard profile that shape the definitions (preterm cut-off, culture limits ...), from the same batch
create table network_bank_definition (
    facility_code text not null,
    month date not null check (extract(day from month) = 1),
    definitions jsonb not null,
    batch_sequence bigint not null,
    primary key (facility_code, month)
);

select network_partitions_ahead('network_indicator', 'month',
                                (current_date - interval '24 months')::date, (current_date + interval '3 months')::date);
