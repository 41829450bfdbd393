-- dispensing: how other modules name an infant in a trace.
create view dispensing_infant_v as
select id, infant_code, family_name, given_name, ward from infant;
