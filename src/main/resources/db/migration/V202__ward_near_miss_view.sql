-- ward: each near miss of the bedside check (when, which ward, the milk and the infant scanned, its reasons), for
-- the bank's indicators read by reporting.
create view ward_near_miss_v as
select id, at, ward, infant_id, scanned_infant_code, unit_id, unit_label, reasons
from ward_near_miss;
