-- donor: her record beyond identity, the table-driven screening questionnaire, deferrals, emergency addenda,
-- and the log of who read her health answers and serology.

alter table donor
    add column preferred_language    text,
    add column infant_birth_date     date,
    add column infant_gestation_weeks int check (infant_gestation_weeks between 22 and 44),
    add column recruited_in          text check (recruited_in in ('HOSPITAL', 'COMMUNITY')),
    add column consent_on            date,
    add column consent_scope         text,
    add column retired_on            date,
    add column retire_reason         text;

-- A questionnaire belongs to a profile and is never edited once published: a change is a new version.
create table screening_questionnaire (
    id           uuid primary key,
    profile_code text not null references standard_profile (code),
    version      int  not null check (version > 0),
    published_on date not null,
    note         text,
    unique (profile_code, version)
);

-- Emergency addenda: extra questions and a pause that a manager switches on for the whole bank.
create table screening_addendum (
    id         uuid primary key,
    code       text not null unique,
    title      text not null,
    pause_days int  not null check (pause_days >= 0),
    source     text
);

create table screening_question (
    id                uuid primary key,
    questionnaire_id  uuid references screening_questionnaire (id),
    addendum_id       uuid references screening_addendum (id),
    position          int  not null,
    code              text not null,
    text              text not null,
    answer_type       text not null check (answer_type in ('YES_NO', 'NUMBER', 'TEXT')),
    -- the answer that defers: YES, NO, or >n for a number; null when no answer defers
    defer_when        text,
    deferral_category text check (deferral_category in ('MEDICATION', 'ALCOHOL', 'NICOTINE', 'DRUGS', 'TRANSFUSION',
        'TRANSPLANT', 'TATTOO_PIERCING', 'ILLNESS', 'INFANT_AGE', 'OTHER')),
    check (num_nonnulls(questionnaire_id, addendum_id) = 1),
    check ((defer_when is null) = (deferral_category is null)),
    unique (questionnaire_id, code),
    unique (addendum_id, code)
);

-- What each deferral category means under a profile: permanent, or temporary for days (null: until lifted).
create table deferral_rule (
    profile_code    text    not null references standard_profile (code),
    category        text    not null,
    permanent       boolean not null,
    days            int check (days > 0),
    retest_required boolean not null,
    source          text    not null,
    primary key (profile_code, category),
    check (not (permanent and (days is not null or retest_required)))
);

create table screening (
    id                 uuid primary key,
    donor_id           uuid        not null references donor (id),
    questionnaire_id   uuid        not null references screening_questionnaire (id),
    interviewed_on     date        not null,
    mode               text        not null check (mode in ('PHONE', 'IN_PERSON')),
    state              text        not null check (state in ('AWAITING_APPROVAL', 'APPROVED', 'VOIDED')),
    approvals_required int         not null check (approvals_required in (1, 2)),
    recorded_at        timestamptz not null,
    recorded_by        text        not null,
    first_approved_by  text,
    first_approved_at  timestamptz,
    second_approved_by text,
    second_approved_at timestamptz,
    void_reason        text,
    version            bigint      not null default 0,
    check (second_approved_by is null or second_approved_by <> first_approved_by)
);
create index screening_donor_idx on screening (donor_id, interviewed_on);

create table screening_answer (
    screening_id uuid    not null references screening (id),
    question_id  uuid    not null references screening_question (id),
    answer       text    not null,
    defers       boolean not null,
    primary key (screening_id, question_id)
);

create table addendum_activation (
    id              uuid primary key,
    addendum_id     uuid        not null references screening_addendum (id),
    switched_on_at  timestamptz not null,
    switched_on_by  text        not null,
    switched_on_why text        not null,
    switched_off_at timestamptz,
    switched_off_by text,
    version         bigint      not null default 0
);
create unique index addendum_activation_one_active on addendum_activation (addendum_id) where switched_off_at is null;

create table addendum_answer (
    id            uuid primary key,
    activation_id uuid        not null references addendum_activation (id),
    donor_id      uuid        not null references donor (id),
    answered_on   date        not null,
    mode          text        not null check (mode in ('PHONE', 'IN_PERSON')),
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    unique (activation_id, donor_id)
);

create table addendum_answer_item (
    answer_id   uuid    not null references addendum_answer (id),
    question_id uuid    not null references screening_question (id),
    answer      text    not null,
    defers      boolean not null,
    primary key (answer_id, question_id)
);

create table deferral (
    id              uuid primary key,
    donor_id        uuid        not null references donor (id),
    category        text        not null check (category in ('MEDICATION', 'ALCOHOL', 'NICOTINE', 'DRUGS', 'TRANSFUSION',
        'TRANSPLANT', 'TATTOO_PIERCING', 'ILLNESS', 'INFANT_AGE', 'OTHER')),
    permanent       boolean     not null,
    starts_on       date        not null,
    until           date,
    retest_required boolean     not null,
    reason          text        not null,
    screening_id    uuid references screening (id),
    recorded_at     timestamptz not null,
    recorded_by     text        not null,
    lifted_at       timestamptz,
    lifted_by       text,
    lift_reason     text,
    voided          boolean     not null default false,
    void_reason     text,
    version         bigint      not null default 0,
    check (not (permanent and (until is not null or retest_required or lifted_at is not null))),
    check (until is null or until >= starts_on)
);
create index deferral_donor_idx on deferral (donor_id);
create index deferral_until_idx on deferral (until) where lifted_at is null and not voided;

-- Privacy: every read of a donor's health answers or serology, by whom and when.
create table donor_health_read (
    id       uuid primary key,
    donor_id uuid        not null references donor (id),
    read_by  text        not null,
    read_at  timestamptz not null,
    what     text        not null
);
create index donor_health_read_donor_idx on donor_health_read (donor_id, read_at);
