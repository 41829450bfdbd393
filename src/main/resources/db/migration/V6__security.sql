-- A session remembers the version it was opened under; disabling, new roles or a new password raise it.
alter table staff_user
    add column session_version      bigint  not null default 0,
    add column must_change_password boolean not null default false;

-- Personal API tokens: only a keyed hash is kept; revoked, never deleted.
create table api_token (
    id           uuid primary key,
    user_id      uuid        not null references staff_user (id),
    name         text        not null check (length(name) between 1 and 80),
    token_hash   text        not null unique,
    prefix       text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    revoked_by   text,
    version      bigint      not null default 0
);

create index api_token_user on api_token (user_id);
