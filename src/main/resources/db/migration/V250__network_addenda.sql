-- The hub's emergency addenda (issue 15, point 5), in the coordinator's words: a draft is amended, publishing
-- freezes it and sends it to every bank; a new version of the same code supersedes it; withdrawn with a reason.
-- Never deleted. questions is a JSON list of {code, text, texts, answerType, deferWhen, category}; titles and texts
-- are the words per language (en, vi, lo) as typed.
create table network_addendum (
    id                   uuid primary key,
    code                 text        not null,
    version              int         not null check (version >= 1),
    state                text        not null check (state in ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'WITHDRAWN')),
    title                text        not null,
    titles               jsonb       not null,
    source               text,
    pause_days           int         not null check (pause_days >= 0),
    suspends_recruitment boolean     not null,
    extra_tests          jsonb       not null,
    questions            jsonb       not null,
    created_at           timestamptz not null,
    created_by           text        not null,
    published_at         timestamptz,
    published_by         text,
    message_sequence     bigint,
    withdrawn_at         timestamptz,
    withdrawn_by         text,
    withdrawn_reason     text,
    version_lock         bigint      not null default 0,
    unique (code, version),
    check ((state = 'DRAFT') = (published_at is null)),
    check ((state = 'WITHDRAWN') = (withdrawn_at is not null))
);
-- one draft at a time per code, and at most one version in force
create unique index network_addendum_one_draft on network_addendum (code) where state = 'DRAFT';
create unique index network_addendum_one_published on network_addendum (code) where state = 'PUBLISHED';

-- The hub's record of each bank's adoption, from the banks' batches (kinds adoption and adoption-ended): the bank in
-- every key
create table network_addendum_adoption (
    facility_code         text        not null references network_bank (facility_code),
    code                  text        not null,
    version               int         not null,
    adopted_at            timestamptz not null,
    suspends_recruitment  boolean     not null,
    extra_tests           jsonb       not null,
    adoption_sequence     bigint      not null,
    ended_at              timestamptz,
    ended_sequence        bigint,
    primary key (facility_code, code, version)
);

-- A bank's addenda offered by its hub (message kind addendum), kept as they came, and what the bank did with each:
-- adopted (when, by whom, as which of its donor addenda), ended, withdrawn by the hub
create table network_addendum_offer (
    code               text        not null,
    version            int         not null,
    payload            jsonb       not null,
    message_sequence   bigint      not null references network_inbox (sequence),
    published_at       timestamptz not null,
    offered_at         timestamptz not null,
    adopted_at         timestamptz,
    adopted_by         text,
    adopted_note       text,
    local_code         text,
    ended_at           timestamptz,
    withdrawn_at       timestamptz,
    withdrawn_reason   text,
    version_lock       bigint      not null default 0,
    primary key (code, version)
);
