-- Finding people by name without their accents (the donor and infant searches).

-- "nguyen" finds "Nguyễn", "dang" finds "Đặng": unaccent folds Vietnamese, Lao-romanised and other Latin
-- diacritics (and Đ/đ to D/d); pg_trgm lets a "contains" search use an index.
create extension if not exists unaccent;
create extension if not exists pg_trgm;

-- unaccent() is only stable (its dictionary could change); naming the dictionary makes this wrapper safe to
-- declare immutable, so generated columns and expression indexes can use it.
create or replace function name_search_key(value text) returns text
    language sql immutable strict parallel safe
    as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
