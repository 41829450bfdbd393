-- dispensing: search infants by name ignoring accents and case, on an indexed key ("given family given", the
-- given name being optional).
alter table infant add column name_key text
    generated always as (name_search_key(
        coalesce(given_name || ' ', '') || family_name || coalesce(' ' || given_name, ''))) stored;
create index infant_name_key_trgm_idx on infant using gin (name_key gin_trgm_ops);
