-- dispensing: whether each infant's parents consented to donor milk, for reports (the ward's home page).
create view dispensing_infant_consent_v as
select id, infant_code, ward, consent_given, consent_date
from infant;
