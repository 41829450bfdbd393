-- dispensing: what the indicators read of an infant (her gestational age at birth, for the recipients by
-- gestational-age band) and whether the bank serves her as an outpatient. The bank records no outpatient dispense of
-- its own: an infant at home is registered with the ward "Outpatient" ("Ngoại trú", "ຄົນເຈັບນອກ"); every other ward is
-- the hospital's (the NICU). A view of its own: dispensing_infant_v is created later (V68), so it cannot be replaced here.
create view dispensing_infant_indicator_v as
select id, infant_code, ward, gestational_age_weeks,
       lower(btrim(ward)) in ('outpatient', 'ngoại trú', 'ngoai tru', 'ຄົນເຈັບນອກ') as outpatient
from infant;
