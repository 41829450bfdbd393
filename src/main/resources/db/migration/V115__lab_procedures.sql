-- lab.procedure: the standard operating procedures of a bank's own profile as it edits them. A built-in standard's
-- procedure is version 1, made of message keys whose numbers are the profile's, and has no rows here; a bank's own
-- profile starts from it and each edit (add, reword, reorder, retire a step) is a new version with who, when and why.
-- Versions are never edited or removed: a sample keeps the procedure version it followed.
create table lab_procedure_version (
    id             uuid primary key,
    profile_code   text        not null references standard_profile (code),
    procedure_code text        not null check (procedure_code in ('sensory', 'dornic', 'crematocrit', 'pre-culture',
                                                                  'post-culture', 'analyser-check')),
    number         integer     not null check (number >= 2),
    change         text        not null check (change in ('ADD', 'REWORD', 'MOVE_UP', 'MOVE_DOWN', 'RETIRE')),
    position       integer     not null check (position >= 1),
    reason         text        not null check (length(trim(reason)) > 0),
    created_at     timestamptz not null,
    created_by     text        not null,
    unique (profile_code, procedure_code, number)
);

-- a step is the standard's (a message key, its numbers read from the profile) or the bank's own words
create table lab_procedure_step (
    version_id  uuid    not null references lab_procedure_version (id),
    position    integer not null check (position >= 1),
    message_key text,
    own_text    text check (own_text is null or length(trim(own_text)) > 0),
    primary key (version_id, position),
    check ((message_key is null) <> (own_text is null))
);

create function lab_procedure_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'procedure versions are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;
create trigger lab_procedure_version_append_only before update or delete on lab_procedure_version
    for each row execute function lab_procedure_is_append_only();
create trigger lab_procedure_step_append_only before update or delete on lab_procedure_step
    for each row execute function lab_procedure_is_append_only();

-- A built-in standard's procedures are its standard's: only a bank's own profile takes edits.
create function lab_procedure_only_bank_profiles() returns trigger language plpgsql as $$
begin
    if exists (select 1 from standard_profile where code = new.profile_code and built_in) then
        raise exception 'built-in standard % is read-only', new.profile_code using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;
create trigger lab_procedure_version_bank_profiles_only before insert on lab_procedure_version
    for each row execute function lab_procedure_only_bank_profiles();

-- the procedure version a sample followed, under the profile it was taken by
alter table lab_sample add column procedure_version integer not null default 1 check (procedure_version >= 1);
alter table lab_sample add column procedure_profile_code text;
