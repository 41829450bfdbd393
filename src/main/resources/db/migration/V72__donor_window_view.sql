-- traceability: the active holds over donors' milk windows, for the donor module's timeline.
create view traceability_donor_window_v as
select id, donor_id, kind, window_from, window_to, reason_code
from milk_hold where scope = 'DONOR_WINDOW' and ended_at is null;
