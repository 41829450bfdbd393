-- lab, milk analyser: instruments (column mapping, linear corrections, daily check sample), imported files and the
-- results they carried, raw and corrected. Nothing is deleted: an instrument is retired, a result voided, with a reason.

create table lab_analyser_instrument (
    id              uuid primary key,
    name            text        not null,
    model           text        not null,
    serial          text        not null,
    sample_column   text        not null,
    time_column     text        not null,
    check_sample_id text        not null,
    active          boolean     not null default true,
    retired_reason  text,
    created_at      timestamptz not null,
    created_by      text        not null,
    version         bigint      not null default 0,
    check (active or retired_reason is not null)
);
-- two active instruments with the same name would let a technician import a file under the wrong corrections
create unique index lab_analyser_instrument_active_name_idx on lab_analyser_instrument (lower(name)) where active;

-- one row per nutrient the instrument reports: where it is in the file, its unit, its correction and check range
create table lab_analyser_channel (
    instrument_id uuid          not null references lab_analyser_instrument (id),
    nutrient      text          not null check (nutrient in
                      ('FAT', 'CRUDE_PROTEIN', 'TRUE_PROTEIN', 'CARBOHYDRATE', 'TOTAL_SOLIDS', 'ENERGY')),
    column_name   text          not null,
    unit          text          not null check (unit in
                      ('G_PER_DL', 'G_PER_100ML', 'KCAL_PER_DL', 'KJ_PER_DL', 'KCAL_PER_L')),
    slope         numeric(9, 4) not null check (slope > 0),
    intercept     numeric(9, 4) not null,
    check_min     numeric(9, 3),
    check_max     numeric(9, 3),
    primary key (instrument_id, nutrient),
    check ((check_min is null) = (check_max is null) and (check_min is null or check_min <= check_max))
);

create table lab_analyser_import (
    id            uuid primary key,
    instrument_id uuid        not null references lab_analyser_instrument (id),
    file_name     text        not null,
    file_format   text        not null check (file_format in ('CSV', 'XLSX')),
    file_sha256   text        not null,
    row_count     int         not null check (row_count > 0),
    imported_at   timestamptz not null,
    imported_by   text        not null
);
create index lab_analyser_import_at_idx on lab_analyser_import (imported_at desc);

-- one row of a file; the check sample's rows are kept too (unit_id null). Counted: the day's check sample passed.
create table lab_analyser_result (
    id                 uuid primary key,
    import_id          uuid        not null references lab_analyser_import (id),
    instrument_id      uuid        not null references lab_analyser_instrument (id),
    row_number         int         not null,
    sample_code        text        not null,
    check_sample       boolean     not null,
    unit_id            uuid,
    unit_kind          text check (unit_kind in ('CONTAINER', 'POOL')),
    unit_label         text,
    measured_at        timestamptz not null,
    check_passed       boolean,
    counted            boolean     not null,
    not_counted_reason text check (not_counted_reason in ('CHECK_MISSING', 'CHECK_FAILED', 'CHECK_SAMPLE')),
    voided             boolean     not null default false,
    void_reason        text,
    voided_at          timestamptz,
    voided_by          text,
    version            bigint      not null default 0,
    check (check_sample = (unit_id is null)),
    check (counted = (not_counted_reason is null)),
    check (not voided or (void_reason is not null and voided_at is not null and voided_by is not null))
);
create index lab_analyser_result_unit_idx on lab_analyser_result (unit_id, measured_at desc) where not voided;
create index lab_analyser_result_check_idx on lab_analyser_result (instrument_id, measured_at) where check_sample;
create index lab_analyser_result_import_idx on lab_analyser_result (import_id, row_number);

-- each nutrient a row reported: as read (in the file's unit) and in g/dL or kcal/dL after the instrument's correction
create table lab_analyser_reading (
    result_id  uuid           not null references lab_analyser_result (id),
    nutrient   text           not null check (nutrient in
                   ('FAT', 'CRUDE_PROTEIN', 'TRUE_PROTEIN', 'CARBOHYDRATE', 'TOTAL_SOLIDS', 'ENERGY')),
    raw_value  numeric(10, 3) not null,
    raw_unit   text           not null,
    slope      numeric(9, 4)  not null,
    intercept  numeric(9, 4)  not null,
    value      numeric(10, 3) not null,
    primary key (result_id, nutrient)
);
