-- Enrolment by key exchange: a bank is registered first, waiting, without a key; it enrols with a one-time code and
-- its own key, and the hub answers its key. display_name is optional; enrolled_at is when its key was last enrolled.
-- named and shares_events are the bank's own consents, as its last "sharing" batch said (off until it says so).
alter table network_bank alter column public_key drop not null;
alter table network_bank add column display_name text;
alter table network_bank add column enrolled_at timestamptz;
alter table network_bank add column named boolean not null default false;
alter table network_bank add column shares_events boolean not null default false;
update network_bank set enrolled_at = registered_at where public_key is not null;

-- Every key a bank was enrolled with, newest last: a re-enrolment adds one and keeps the old
create table network_bank_key (
    id            uuid primary key,
    facility_code text        not null references network_bank (facility_code),
    public_key    text        not null,
    enrolled_at   timestamptz not null,
    enrolled_by   text        not null
);
create index network_bank_key_bank on network_bank_key (facility_code, enrolled_at);
insert into network_bank_key (id, facility_code, public_key, enrolled_at, enrolled_by)
select gen_random_uuid(), facility_code, public_key, registered_at, 'system' from network_bank
where public_key is not null;

-- One-time enrolment codes: only their SHA-256 is kept; a code is for one bank, used once, before it expires
create table network_enrolment_code (
    id            uuid primary key,
    facility_code text        not null references network_bank (facility_code),
    code_sha256   text        not null unique,
    issued_at     timestamptz not null,
    issued_by     text        not null,
    expires_at    timestamptz not null,
    used_at       timestamptz,
    version       bigint      not null default 0
);
create index network_enrolment_code_bank on network_enrolment_code (facility_code, issued_at);
