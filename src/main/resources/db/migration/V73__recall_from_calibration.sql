-- traceability: a recall may start from a calibration that found an instrument out of tolerance
alter table recall_case drop constraint recall_case_source_kind_check;
alter table recall_case add constraint recall_case_source_kind_check
    check (source_kind in ('DONOR', 'UNIT', 'WINDOW', 'CALIBRATION'));
