-- DHIS2: the bank's connection to its national health information system, the mapping of its indicators to
-- DHIS2's data elements, and every push (dry run or real). Configuration, not code: a bank maps its own.

-- one row: the bank's DHIS2 server; the password is AES-GCM ciphertext (never the password itself)
create table reporting_dhis2_connection (
    id                     uuid primary key,
    base_url               text not null check (base_url ~ '^https?://'),
    username               text not null,
    password_cipher        text,
    org_unit               text not null check (org_unit ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
    data_set               text check (data_set ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
    attribute_option_combo text check (attribute_option_combo ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
    updated_by             text not null,
    updated_at             timestamptz not null,
    version                bigint not null default 0
);

-- (indicator, breakdown or total) -> data element and category option combo; voided with a reason, never deleted
create table reporting_dhis2_mapping (
    id                     uuid primary key,
    indicator_code         text not null,
    breakdown              text,
    data_element           text not null check (data_element ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
    category_option_combo  text check (category_option_combo ~ '^[A-Za-z][A-Za-z0-9]{10}$'),
    adx_disaggregation     text,
    created_by             text not null,
    created_at             timestamptz not null,
    voided_by              text,
    voided_at              timestamptz,
    void_reason            text,
    version                bigint not null default 0,
    check ((voided_at is null) = (void_reason is null))
);

-- one number is sent to one place: a second row in force for the same indicator and breakdown is refused
create unique index reporting_dhis2_mapping_in_force
    on reporting_dhis2_mapping (indicator_code, coalesce(breakdown, ''))
    where voided_at is null;

create table reporting_dhis2_push (
    id              uuid primary key,
    month           text not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    dry_run         boolean not null,
    base_url        text not null,
    org_unit        text not null,
    payload_digest  text not null,
    value_count     int not null,
    -- what was sent, value by value (the indicator, its breakdown, where it went): a conflict names its number
    sent            jsonb not null,
    status          text not null check (status in ('SUCCESS', 'WARNING', 'ERROR', 'CONFLICTS', 'UNAUTHORIZED',
                                                     'FORBIDDEN', 'NOT_FOUND', 'SERVER_ERROR', 'NOT_JSON',
                                                     'UNREACHABLE')),
    http_status     int,
    summary         jsonb,
    pushed_by       text not null,
    pushed_at       timestamptz not null
);

create index reporting_dhis2_push_at on reporting_dhis2_push (pushed_at desc);
create index reporting_dhis2_push_dry on reporting_dhis2_push (month, payload_digest) where dry_run and status = 'SUCCESS';
