-- standards: HTST (high temperature, short time) as a method of its own, read from the profile. The reference
-- (section 6) names HTST 72 °C for 5-15 s as a method that "should be representable"; the built-in standards
-- prescribe Holder, so none allows HTST: a bank's own profile may, after validating its pasteuriser.
-- A bank's own profile takes the value of the standard it came from.
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'htst.allowed', 'false',
       'Reference section 6: this standard prescribes Holder pasteurisation (62.5 °C for 30 min); HTST is not '
           || 'in it. A bank that validates an HTST pasteuriser sets its own profile to true'
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'htst.temperature-c', '72.0',
       'Reference section 6: HTST 72 °C for 5-15 s'
from standard_profile
on conflict (profile_code, key) do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'htst.min-seconds', '15',
       'Reference section 6: HTST 72 °C for 5-15 s; the longer end (15 s, the dairy HTST hold) until a bank '
           || 'validates a shorter one'
from standard_profile
on conflict (profile_code, key) do nothing;
