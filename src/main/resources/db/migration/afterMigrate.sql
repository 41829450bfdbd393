-- Flyway runs this after every migrate (a callback, not a migration): every free-text column of every table has a
-- length limit, including tables a module migration creates later (migrations run out of order, so no single
-- numbered migration sees them all). Idempotent: a column that already has its limit is left alone.
-- The constraint is named <table>__<column>__max_length, or <hash of table>__<column>__max_length when that is
-- longer than PostgreSQL's 63 characters, so that the error handler can name the field from the constraint name.
-- NOT VALID: rows written before the limit stay readable; every new write is checked.
do $max_length$
declare
    max_chars constant int := 4000;
    col record;
    name text;
begin
    for col in
        select c.relname as table_name, a.attname as column_name, c.oid as table_oid
        from pg_class c
                 join pg_namespace n on n.oid = c.relnamespace
                 join pg_attribute a on a.attrelid = c.oid
        where n.nspname = current_schema()
          and c.relkind in ('r', 'p')
          and a.attnum > 0
          and not a.attisdropped
          and a.atttypid = 'text'::regtype
          -- the Modulith event registry: serialised events of any size, written by the framework, never typed
          and c.relname <> 'event_publication'
          -- Flyway's own bookkeeping
          and c.relname <> 'flyway_schema_history'
          -- composed by the application (a pool's list of DINs may be long); typed reasons go to history_entry.reason
          and not (c.relname = 'history_entry' and a.attname = 'detail')
        order by c.relname, a.attname
    loop
        name := col.table_name || '__' || col.column_name || '__max_length';
        if length(name) > 63 then
            name := left(md5(col.table_name), 8) || '__' || col.column_name || '__max_length';
        end if;
        if length(name) > 63 then
            name := left(md5(col.table_name || '.' || col.column_name), 16) || '__max_length';
        end if;
        if not exists (select 1 from pg_constraint where conrelid = col.table_oid and conname = name) then
            execute format('alter table %I add constraint %I check (char_length(%I) <= %s) not valid',
                           col.table_name, name, col.column_name, max_chars);
        end if;
    end loop;
end
$max_length$;
