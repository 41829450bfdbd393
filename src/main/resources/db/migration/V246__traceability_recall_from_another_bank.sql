-- traceability, for the network's transfers (numbered here, after V175 which last defined these checks, so that a
-- fresh database applies it last): a hold for a recall from another bank; a recall case opened because another
-- bank recalled milk it sent here; a recalled unit that is at another bank (transferred)
alter table milk_hold drop constraint milk_hold_kind_check;
alter table milk_hold add constraint milk_hold_kind_check
    check (kind in ('DONOR_BLOCK', 'DONOR_DEFERRAL', 'CULTURE', 'RECALL', 'EXPIRY', 'EXCURSION', 'CALIBRATION',
                    'NETWORK_RECALL'));

alter table recall_case drop constraint recall_case_source_kind_check;
alter table recall_case add constraint recall_case_source_kind_check
    check (source_kind in ('DONOR', 'UNIT', 'WINDOW', 'CALIBRATION', 'EXCURSION', 'NETWORK'));

alter table recall_unit drop constraint recall_unit_whereabouts_check;
alter table recall_unit add constraint recall_unit_whereabouts_check
    check (whereabouts in ('IN_BANK', 'ON_WARD', 'FED', 'USED', 'GONE', 'TRANSFERRED'));
