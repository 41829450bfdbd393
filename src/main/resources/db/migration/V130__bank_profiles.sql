-- standards: a bank's own profile derived from a built-in standard, its parameter changes (append-only, each
-- effective from a date, with who, when and why), and the Italy (EMBA) and France profiles.

alter table standard_profile add column derived_from text references standard_profile (code);
alter table standard_profile add column created_at timestamptz;
alter table standard_profile add column created_by text;
-- a built-in standard comes from no other; a bank's own profile always remembers the standard it came from
alter table standard_profile add constraint standard_profile_derived_check
    check ((built_in and derived_from is null) or (not built_in and derived_from is not null));

create table standard_parameter_change (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    profile_code   text        not null references standard_profile (code),
    key            text        not null,
    value          text        not null,
    before_value   text,
    effective_from date        not null,
    reason         text        not null check (length(trim(reason)) > 0),
    changed_at     timestamptz not null,
    changed_by     text        not null
);
create index standard_parameter_change_profile_idx on standard_parameter_change (profile_code, key, effective_from);

-- A change is never edited or removed: a wrong value is corrected by a later change with its reason.
create function standard_parameter_change_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'parameter changes are append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'restrict_violation';
end;
$$;
create trigger standard_parameter_change_append_only before update or delete on standard_parameter_change
    for each row execute function standard_parameter_change_is_append_only();

-- A built-in standard is read-only: only a bank's own profile takes changes.
create function standard_parameter_change_only_bank_profiles() returns trigger language plpgsql as $$
begin
    if exists (select 1 from standard_profile where code = new.profile_code and built_in) then
        raise exception 'built-in standard % is read-only', new.profile_code using errcode = 'restrict_violation';
    end if;
    return new;
end;
$$;
create trigger standard_parameter_change_bank_profiles_only before insert on standard_parameter_change
    for each row execute function standard_parameter_change_only_bank_profiles();

-- Italy (EMBA) and France. Every parameter is first copied from NICE (including those the lab adds in
-- V100-V129), saying so in its source; the values the reference gives for Italy and France then replace them.
insert into standard_profile (code, name, description, built_in) values
    ('ITALY', 'Italy (EMBA)',
     'Italian milk banks following the European Milk Bank Association: culture before pasteurisation (total above 10^5, Enterobacteriaceae or S. aureus above 10^4 CFU/mL discards), more than 10 CFU/mL after pasteurisation fails.', true),
    ('FRANCE', 'France (lactariums)',
     'French milk banks (lactariums): culture before pasteurisation (total above 10^6 or S. aureus above 10^4 CFU/mL discards).', true);

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, n.key, n.value,
       'Reference silent for ' || p.label || ': copied from NICE (' || coalesce(n.source, 'no source') || ')'
from standard_profile_parameter n
         cross join (values ('ITALY', 'Italy'), ('FRANCE', 'France')) as p (code, label)
where n.profile_code = 'NICE'
  -- France discards on the total count and S. aureus only (reference section 5)
  and not (p.code = 'FRANCE' and n.key = 'pre-culture.max-enterobacteriaceae-cfu');

update standard_profile_parameter set value = v.value, source = v.source
from (values
    ('ITALY', 'pre-culture.required', 'true', 'Italy: culture before pasteurisation (reference section 5)'),
    ('ITALY', 'pre-culture.max-total-cfu', '100000', 'Italy: discard if total > 10^5 CFU/mL (reference section 5)'),
    ('ITALY', 'pre-culture.max-enterobacteriaceae-cfu', '10000', 'Italy: discard if Enterobacteriaceae > 10^4 CFU/mL (reference section 5)'),
    ('ITALY', 'pre-culture.max-staph-aureus-cfu', '10000', 'Italy: discard if S. aureus > 10^4 CFU/mL (reference section 5)'),
    ('ITALY', 'post-culture.max-cfu', '10', 'Italy: > 10 CFU/mL after pasteurisation fails (reference section 5)'),
    ('ITALY', 'holder.temperature-c', '62.5',
     'EMBA: Holder 62.5 °C (also written 62.5 ± 0.5 °C); a cycle is judged by the time from 58 to 62.5 °C, the plateau length, the highest plateau temperature and the time above 58 °C (reference sections 6, 12)'),
    ('ITALY', 'holder.minutes', '30', 'EMBA: Holder held 30 min, timed after the heating phase (reference sections 6, 12)'),
    ('FRANCE', 'pre-culture.required', 'true', 'France: culture before pasteurisation (reference section 5)'),
    ('FRANCE', 'pre-culture.max-total-cfu', '1000000', 'France: discard if total > 10^6 CFU/mL (reference section 5)'),
    ('FRANCE', 'pre-culture.max-staph-aureus-cfu', '10000', 'France: discard if S. aureus > 10^4 CFU/mL (reference section 5)'),
    ('FRANCE', 'holder.temperature-c', '62.5',
     'Holder 62.5 °C (reference section 6); EMBA judges a cycle by the time from 58 to 62.5 °C, the plateau length, the highest plateau temperature and the time above 58 °C (reference section 12)'),
    ('FRANCE', 'holder.minutes', '30', 'Holder held 30 min, timed after the heating phase (reference section 6)')
) as v (profile_code, key, value, source)
where standard_profile_parameter.profile_code = v.profile_code and standard_profile_parameter.key = v.key;

-- A donor is screened and deferred under Italy and France as under NICE until the bank sets its own rules.
insert into deferral_rule (profile_code, category, permanent, days, retest_required, source)
select p.code, r.category, r.permanent, r.days, r.retest_required,
       'Reference silent for ' || p.label || ': copied from NICE (' || r.source || ')'
from deferral_rule r
         cross join (values ('ITALY', 'Italy'), ('FRANCE', 'France')) as p (code, label)
where r.profile_code = 'NICE';

insert into screening_questionnaire (id, profile_code, version, published_on, note) values
    ('00000000-0000-4000-a000-000000000104', 'ITALY', 1, date '2026-12-01', 'Reference silent for Italy: the NICE questions'),
    ('00000000-0000-4000-a000-000000000105', 'FRANCE', 1, date '2026-12-01', 'Reference silent for France: the NICE questions');

insert into screening_question (id, questionnaire_id, position, code, text, answer_type, defer_when, deferral_category)
select gen_random_uuid(), q.id, s.position, s.code, s.text, s.answer_type, s.defer_when, s.deferral_category
from screening_question s
         join screening_questionnaire n on n.id = s.questionnaire_id and n.profile_code = 'NICE'
         cross join screening_questionnaire q
where q.id in ('00000000-0000-4000-a000-000000000104', '00000000-0000-4000-a000-000000000105')
  and n.version = (select max(version) from screening_questionnaire where profile_code = 'NICE');
