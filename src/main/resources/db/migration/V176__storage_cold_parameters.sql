-- storage.cold: how often each storage unit's temperature is read, and the excursion rules of a freezer and of a
-- fridge, per profile (reference sections 8 and 12). No standard states how warm or how long is allowed: every
-- excursion limit is a bank parameter with a stated default. A bank's own profile takes the values of the standard
-- it came from (derived_from); it may change them after.
create temporary table cold_profile (code text primary key, base text not null) on commit drop;
insert into cold_profile select code, coalesce(derived_from, code) from standard_profile;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, v.key,
       case when p.base = 'BRAZIL' then v.brazil_value else v.value end,
       case when p.base = 'BRAZIL' then v.brazil_source else v.source end
from cold_profile p
         cross join (values
    ('storage.readings-per-day', '1',
     'Freezer temperatures read at least daily (reference section 8: AR, NY)',
     '2', 'rBLH: maximum and minimum read twice a day (reference sections 8 and 12)'),
    ('storage.first-reading-hour', '8',
     'Bank parameter, no standard fixes it: the first reading of the day is due at 08:00; the others follow evenly over the day',
     '8', 'Bank parameter, no standard fixes it: readings due at 08:00 and 20:00'),
    ('storage.reading-grace-minutes', '120',
     'Bank parameter, no standard fixes it: a reading not taken 2 h after it was due is missed',
     '120', 'Bank parameter, no standard fixes it: a reading not taken 2 h after it was due is missed'),
    ('storage.freezer.alarm-above-c', '-15.0',
     'Bank parameter, no standard fixes it: frozen milk is kept at or below -18 °C (reference section 8); an alarm above -15 °C',
     '-15.0', 'Bank parameter, no standard fixes it: rBLH keeps frozen milk at or below -18 °C (reference section 12); an alarm above -15 °C'),
    ('storage.freezer.hold-above-c', '-12.0',
     'Bank parameter, no standard fixes it: warmer than -12 °C (the most rBLH tolerates while loading, reference section 12) ...',
     '-12.0', 'Bank parameter, no standard fixes it: rBLH tolerates -12 °C while loading (reference section 12) ...'),
    ('storage.freezer.hold-after-minutes', '60',
     'Bank parameter, no standard fixes it: ... for longer than 60 min holds everything inside',
     '60', 'Bank parameter, no standard fixes it: ... for longer than 60 min holds everything inside'),
    ('storage.freezer.thawed-at-c', '-5.0',
     'Bank parameter, no standard fixes it: any reading at or above -5 °C treats the milk as thawed, so it is discarded',
     '-5.0', 'Bank parameter, no standard fixes it: any reading at or above -5 °C treats the milk as thawed, so it is discarded'),
    ('storage.fridge.alarm-above-c', '5.0',
     'Bank parameter, no standard fixes it: a fridge keeps milk at or below 5 °C (rBLH, reference section 12); an alarm above 5 °C',
     '5.0', 'rBLH: raw milk in a fridge at or below 5 °C (reference section 12); an alarm above 5 °C'),
    ('storage.fridge.hold-above-c', '7.0',
     'Bank parameter, no standard fixes it: warmer than 7 °C ...',
     '7.0', 'Bank parameter, no standard fixes it: warmer than 7 °C ...'),
    ('storage.fridge.hold-after-minutes', '30',
     'Bank parameter, no standard fixes it: ... for longer than 30 min holds everything inside',
     '30', 'Bank parameter, no standard fixes it: ... for longer than 30 min holds everything inside'),
    ('storage.fridge.discard-at-c', '10.0',
     'Bank parameter, no standard fixes it: any reading at or above 10 °C in a fridge spoils the milk, so it is discarded',
     '10.0', 'Bank parameter, no standard fixes it: any reading at or above 10 °C in a fridge spoils the milk, so it is discarded')
) as v (key, value, source, brazil_value, brazil_source)
on conflict do nothing;
