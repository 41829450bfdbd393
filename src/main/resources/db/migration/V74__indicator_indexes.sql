-- reporting: the indicators read the lineage's events of one type over a period (receptions, discards, releases,
-- dispenses); without this index a year's indicators scan every event.
create index milk_event_type_at_idx on milk_event (type, at);
