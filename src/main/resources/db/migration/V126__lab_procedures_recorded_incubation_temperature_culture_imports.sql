-- lab: raw milk quality checks and the analyser's daily check sample record the procedure (code, version, profile)
-- they followed, as culture samples do; records made before this stay null ("not recorded"). A culture sample
-- records the temperature its plates incubate at. Culture reads may come from an imported file, kept by name and
-- sha-256 with who imported it.

alter table lab_container_quality add column sensory_procedure_code text;
alter table lab_container_quality add column sensory_procedure_version integer check (sensory_procedure_version >= 1);
alter table lab_container_quality add column sensory_procedure_profile text;
alter table lab_container_quality add column dornic_procedure_code text;
alter table lab_container_quality add column dornic_procedure_version integer check (dornic_procedure_version >= 1);
alter table lab_container_quality add column dornic_procedure_profile text;
alter table lab_container_quality add column crematocrit_procedure_code text;
alter table lab_container_quality add column crematocrit_procedure_version integer
    check (crematocrit_procedure_version >= 1);
alter table lab_container_quality add column crematocrit_procedure_profile text;

alter table lab_analyser_result add column procedure_code text;
alter table lab_analyser_result add column procedure_version integer check (procedure_version >= 1);
alter table lab_analyser_result add column procedure_profile_code text;

alter table lab_sample add column incubation_temperature_c numeric(4, 1)
    check (incubation_temperature_c is null or incubation_temperature_c between 0 and 100);

create table lab_culture_import (
    id          uuid primary key,
    file_name   text        not null,
    file_sha256 text        not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
    row_count   int         not null check (row_count > 0),
    imported_at timestamptz not null,
    imported_by text        not null
);
create index lab_culture_import_at_idx on lab_culture_import (imported_at desc);

alter table lab_culture_read add column import_id uuid references lab_culture_import (id);
alter table lab_culture_read add column import_row integer check (import_row >= 1);
alter table lab_culture_read add constraint lab_culture_read_imported_check
    check ((import_id is null) = (import_row is null));
