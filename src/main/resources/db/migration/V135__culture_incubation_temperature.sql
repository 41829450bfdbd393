-- standards: the temperature a culture's plates incubate at, and how far from it a recorded temperature may be.
-- The reference names no temperature; aerobic incubation at 35-37 °C is common laboratory practice.
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'culture.incubation-temperature-c', '36',
       'Common practice (the reference names no temperature): aerobic incubation at 35-37 °C'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'culture.incubation-tolerance-c', '1',
       'Common practice (the reference names no tolerance): 36 ± 1 °C keeps the plates within 35-37 °C'
from standard_profile
on conflict do nothing;
