-- History as data: a message key with its arguments and a reason code, rendered in the reader's language.
-- Entries written before keep their words in action/detail; new ones keep the key in action and no words at all.
alter table history_entry add column args jsonb;
alter table history_entry add column reason_code text;
alter table history_entry add constraint history_entry_keyed_has_no_words check (args is null or detail is null);
create function history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'history is append-only: % refused', tg_op using errcode = 'P0001';
end;
$$;
create trigger history_entry_append_only before update or delete on history_entry
    for each row execute function history_is_append_only();
