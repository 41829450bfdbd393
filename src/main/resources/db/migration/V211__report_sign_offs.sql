-- reporting: the manager's sign-off of a month's report: her signature (the signature table), the numbers as they
-- were computed when she signed (kept as data, with their SHA-256 digest) and the standard profile in force. A later
-- correction is a new sign-off with a reason that supersedes the earlier; both are kept (append-only).
create table report_sign_off (
    id            uuid primary key,
    month         text        not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    signature_id  uuid        not null,
    signed_by     text        not null,
    signed_at     timestamptz not null,
    profile_code  text        not null,
    numbers       jsonb       not null,
    digest        text        not null check (digest ~ '^[0-9a-f]{64}$'),
    supersedes    uuid references report_sign_off (id),
    reason        text,
    check (supersedes is null or (reason is not null and length(btrim(reason)) > 0))
);
create index report_sign_off_month on report_sign_off (month, signed_at);
-- a sign-off is superseded once: the second correction supersedes the first correction
create unique index report_sign_off_supersedes_once on report_sign_off (supersedes);
create trigger report_sign_off_append_only before update or delete on report_sign_off
    for each row execute function history_is_append_only();
