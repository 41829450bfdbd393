-- standards: a run must name a pasteuriser of the equipment register (V140), so that every instrument that measured
-- it, and its calibration at the time of the run, is known. A run typed on free text could not be checked against
-- any calibration. A bank's own profile takes the value of the standard it came from.
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'pasteurization.registered-pasteuriser-required', 'true',
       'Reference sections 6 and 12: a thermometer out of tolerance makes suspect every run since its last good '
           || 'calibration, so a run is accepted only on an instrument whose calibration is on record'
from standard_profile
on conflict (profile_code, key) do nothing;
