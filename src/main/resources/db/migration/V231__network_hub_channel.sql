-- The network's coordinator: a staff role of the hub
alter table staff_user_role drop constraint staff_user_role_role_check;
alter table staff_user_role add constraint staff_user_role_role_check
    check (role in ('ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'DISPENSER', 'NURSE', 'MANAGER',
                    'NETWORK_COORDINATOR'));

-- A bank's link to its hub, made at enrolment by exchanging keys: the hub's address and the hub's public key
-- (Ed25519, X.509 base64), with which every message from the hub is checked. One row at most.
create table network_link (
    id             smallint primary key check (id = 1),
    hub_url        text        not null,
    hub_public_key text        not null,
    enrolled_at    timestamptz not null,
    enrolled_by    text        not null,
    version        bigint      not null default 0
);

-- What the hub sends to banks (addenda, alerts, transfers, recalls …), numbered across the hub and signed with the
-- hub's key; facility_code is the one bank it is for, null for every bank
create table network_hub_message (
    sequence      bigint primary key check (sequence >= 1),
    facility_code text references network_bank (facility_code),
    kind          text        not null,
    payload       jsonb       not null,
    payload_text  text        not null,
    sha256        text        not null,
    signature     text        not null,
    created_at    timestamptz not null
);
create index network_hub_message_bank on network_hub_message (facility_code, sequence);

-- A bank's inbox: each message of its hub once (its hub number), kept as it came, and what handling it did;
-- outcome is coded (Said) and rendered in the reader's language
create table network_inbox (
    sequence     bigint primary key check (sequence >= 1),
    kind         text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null,
    received_at  timestamptz not null,
    handled_at   timestamptz,
    outcome      jsonb
);

-- Monthly partitions of a table partitioned by range of a date or moment: one partition a month from the month of
-- first to the month of last, named <table>_yYYYYmMM; those that exist are left alone
create or replace function network_month_partitions(parent regclass, first date, last date) returns void
language plpgsql as $$
declare
    m date := date_trunc('month', first)::date;
    name text;
begin
    while m <= last loop
        name := format('%s_y%sm%s', parent::text, to_char(m, 'YYYY'), to_char(m, 'MM'));
        if to_regclass(name) is null then
            execute format('create table %I partition of %s for values from (%L) to (%L)',
                           name, parent, m, (m + interval '1 month')::date);
        end if;
        m := (m + interval '1 month')::date;
    end loop;
end;
$$;
