-- donor: what other modules may read of a donor (code and name; the name only for clinical readers).
create view donor_trace_v as
select id, donor_code, given_name, family_name from donor;
