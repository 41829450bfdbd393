-- History of every record: append-only, never updated or deleted.
create table history_entry (
    id          uuid primary key,
    record_type text        not null,
    record_id   text        not null,
    action      text        not null,
    detail      text,
    reason      text,
    actor       text        not null,
    at          timestamptz not null
);
create index history_entry_record_idx on history_entry (record_type, record_id, at);

-- Spring Modulith event publication registry (schema v2 of spring-modulith-events-jdbc).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

create table staff_user (
    id            uuid primary key,
    username      text        not null unique,
    display_name  text        not null,
    password_hash text        not null,
    enabled       boolean     not null,
    created_at    timestamptz not null,
    version       bigint      not null default 0
);

create table staff_user_role (
    user_id uuid not null references staff_user (id),
    role    text not null check (role in ('ADMIN', 'DONOR_COORDINATOR', 'LAB_TECHNICIAN', 'DISPENSER', 'NURSE', 'MANAGER')),
    primary key (user_id, role)
);

create table bank_setting (
    key        text primary key,
    value      text not null,
    updated_at timestamptz,
    updated_by text
);

-- One counter per facility and year for DIN sequence numbers.
create table din_sequence (
    facility   text not null,
    year       int  not null,
    last_value int  not null check (last_value between 1 and 999999),
    primary key (facility, year)
);
