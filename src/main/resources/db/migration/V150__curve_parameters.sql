-- pasteurization.curve: the rules a run's measured curve is judged by, per profile (reference sections 6 and 12).
-- A bank's own profile takes the values of the standard it came from (derived_from); it may change them after.
create temporary table curve_profile (code text primary key, base text not null) on commit drop;
insert into curve_profile select code, coalesce(derived_from, code) from standard_profile;

insert into standard_profile_parameter (profile_code, key, value, source)
select p.code, v.key,
       case when p.base = 'BRAZIL' then v.brazil_value else v.value end,
       case when p.base = 'BRAZIL' then v.brazil_source else v.source end
from curve_profile p
         cross join (values
    ('holder.ceiling-c', '64.0',
     'Quality ceiling named in issue 11 (e.g. 64 °C); the reference gives no ceiling for this profile (dairy law allows up to 65.6 °C, reference section 12)',
     '63.0', 'rBLH BLH-IFF/NT: water bath 62.5-63.0 °C (reference section 12)'),
    ('holder.dip-restarts', 'false',
     'Bank parameter: a dip of the coldest probe below the holder temperature fails the run (safest); true restarts the 30 min count',
     'false', 'Bank parameter: a dip of the coldest probe below 62.5 °C fails the run (safest); true restarts the count'),
    ('holder.max-heating-minutes', '70',
     'Bank parameter: heating to 58 °C takes 12-13 min in water, 65 min in air (reference section 6); 70 min allows an air unit',
     '70', 'Bank parameter: rBLH sets the pre-heating time per load by its heat-penetration curve (reference section 12); 70 min allows an air unit'),
    ('holder.cooling-target-c', '4.0',
     'Rapid cooling to about 4 °C after the hold (reference section 6; NICE CG93)',
     '5.0', 'rBLH BLH-IFF/NT: cool until the milk is at or below 5 °C (reference section 12)'),
    ('holder.cooling-minutes', '60',
     'No source gives a cooling time for this profile: 60 min chosen as a bank parameter (reference section 6: rapid cooling)',
     '15', 'rBLH BLH-IFF/NT: cooling to 5 °C takes at most 15 min (reference section 12)'),
    ('curve.max-gap-logger-minutes', '1',
     'Loggers read the control-bottle probe every minute (reference section 12)',
     '1', 'Loggers read the control-bottle probe every minute (reference section 12)'),
    ('curve.max-gap-sheet-minutes', '5',
     'A typed sheet records the temperature every 5 minutes (reference section 12)',
     '5', 'rBLH: the temperature is written on a sheet every 5 minutes (reference section 12)'),
    ('htst.temperature-c', '72.0',
     'HTST: 72 °C for 5-15 s (reference section 6)',
     '72.0', 'HTST: 72 °C for 5-15 s (reference section 6)'),
    ('htst.min-seconds', '15',
     'HTST: 72 °C for 5-15 s (reference section 6); the longest of the range, as the safest',
     '15', 'HTST: 72 °C for 5-15 s (reference section 6); the longest of the range, as the safest')
) as v (key, value, source, brazil_value, brazil_source)
on conflict do nothing;
