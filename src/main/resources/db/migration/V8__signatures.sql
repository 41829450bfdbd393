-- Second-person signatures (release, screening approval): who signed, when, on which record, what it means and
-- what she attested, as message keys with arguments (rendered in the reader's language). Append-only.
create table signature (
    id           uuid primary key,
    username     text        not null,
    signed_at    timestamptz not null,
    record_type  text        not null,
    record_id    text        not null,
    meaning      jsonb       not null,
    attestations jsonb       not null default '[]'
);
create index signature_record on signature (record_type, record_id, signed_at);
create trigger signature_append_only before update or delete on signature
    for each row execute function history_is_append_only();
