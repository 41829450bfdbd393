-- donor: search by name ignoring accents and case, on an indexed key. The key holds "given family given" so
-- that a query typed in either order ("thi thu nguyen", "nguyen thi thu") is one contains-match.
alter table donor add column name_key text
    generated always as (name_search_key(given_name || ' ' || family_name || ' ' || given_name)) stored;
create index donor_name_key_trgm_idx on donor using gin (name_key gin_trgm_ops);
create index donor_family_given_idx on donor (family_name, given_name, donor_code);
