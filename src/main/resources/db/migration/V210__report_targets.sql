-- reporting: the bank's monthly target for an indicator (its total, or one breakdown), set by the manager with a
-- reason. A change amends the row and its history keeps who, when, why and the value before; a target is withdrawn
-- with a reason, never deleted.
create table report_target (
    id              uuid primary key,
    indicator_code  text        not null,
    breakdown       text,
    value           numeric     not null check (value >= 0),
    direction       text        not null check (direction in ('AT_LEAST', 'AT_MOST')),
    status          text        not null check (status in ('ACTIVE', 'WITHDRAWN')),
    set_by          text        not null,
    set_at          timestamptz not null,
    version         bigint      not null default 0
);
-- one target per indicator and breakdown (null = the total); a withdrawn one is set again on the same row
create unique index report_target_one on report_target (indicator_code, coalesce(breakdown, ''));
create trigger report_target_never_deleted before delete on report_target
    for each row execute function history_is_append_only();
