-- traceability: recalls. A case opened from a source (donor, unit, date window), the units and infants it
-- affected frozen at opening, and tasks whose marks are appended (done, waived, reopened), never changed.

create table recall_case (
    id              uuid primary key,
    code            text        not null unique check (code ~ '^RC-[0-9]{4}-[0-9]{3,}$'),
    source_kind     text        not null check (source_kind in ('DONOR', 'UNIT', 'WINDOW')),
    -- what was scanned or typed: a donor code, a DIN, a run code; null for a window of every donor
    source_ref      text,
    source_donor_id uuid,
    window_basis    text check (window_basis in ('EXPRESSED', 'RECEIVED')),
    window_from     date,
    window_to       date,
    reason          text        not null check (length(trim(reason)) > 0),
    status          text        not null check (status in ('OPEN', 'CLOSED')),
    opened_at       timestamptz not null,
    opened_by       text        not null,
    closed_at       timestamptz,
    closed_by       text,
    closing_summary text,
    report_locale   text,
    report_pdf      bytea,
    version         bigint      not null default 0,
    check ((source_kind = 'WINDOW') = (window_from is not null and window_to is not null and window_basis is not null)),
    check (window_to is null or window_to >= window_from),
    check ((status = 'CLOSED') = (closed_at is not null and closed_by is not null and closing_summary is not null))
);
create index recall_case_opened_idx on recall_case (opened_at desc);

-- every unit affected at opening, with where it was then
create table recall_unit (
    recall_id   uuid        not null references recall_case (id),
    unit_id     uuid        not null,
    kind        text        not null,
    label       text        not null,
    state       text,
    place       text,
    whereabouts text        not null check (whereabouts in ('IN_BANK', 'ON_WARD', 'FED', 'USED', 'GONE')),
    held        boolean     not null,
    primary key (recall_id, unit_id)
);

-- every infant who had received affected milk at opening
create table recall_infant (
    recall_id    uuid        not null references recall_case (id),
    infant_id    uuid        not null,
    unit_id      uuid        not null,
    infant_code  text        not null,
    ward         text,
    received_at  timestamptz not null,
    primary key (recall_id, infant_id, unit_id)
);

create table recall_task (
    id        uuid primary key,
    recall_id uuid not null references recall_case (id),
    number    int  not null,
    kind      text not null check (kind in ('RETRIEVE', 'DISCARD', 'INFORM_CLINICIAN')),
    unit_id   uuid,
    infant_id uuid,
    unique (recall_id, number),
    check ((kind = 'INFORM_CLINICIAN') = (infant_id is not null)),
    check ((kind = 'INFORM_CLINICIAN') = (unit_id is null))
);

-- a task's status is its latest mark; an undo is a new mark with a reason
create table recall_task_mark (
    id      uuid primary key,
    task_id uuid        not null references recall_task (id),
    mark    text        not null check (mark in ('DONE', 'WAIVED', 'REOPENED')),
    note    text,
    at      timestamptz not null,
    by_user text        not null,
    check (mark = 'DONE' or length(trim(coalesce(note, ''))) > 0)
);
create index recall_task_mark_task_idx on recall_task_mark (task_id, at);

create function recall_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'a recall''s record is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'P0001';
end;
$$;
create trigger recall_unit_append_only before update or delete on recall_unit
    for each row execute function recall_is_append_only();
create trigger recall_infant_append_only before update or delete on recall_infant
    for each row execute function recall_is_append_only();
create trigger recall_task_append_only before update or delete on recall_task
    for each row execute function recall_is_append_only();
create trigger recall_task_mark_append_only before update or delete on recall_task_mark
    for each row execute function recall_is_append_only();
create trigger recall_case_never_deleted before delete on recall_case
    for each row execute function recall_is_append_only();
