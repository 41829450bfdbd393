-- logistics: the cold-chain rules for the Brazil (rBLH) profile, added after both existed
insert into standard_profile_parameter (profile_code, key, value, source) values
    ('BRAZIL', 'transport.max-hours', '24',
     'Reference silent for rBLH: bank default, journey time and temperature are recorded (UKAMB, MMBA)'),
    ('BRAZIL', 'transport.frozen-max-c', '-18',
     'Raw frozen milk kept at -18 °C or colder (reference section 8); transport stays frozen'),
    ('BRAZIL', 'transport.liquid-allowed', 'false',
     'Reference silent for rBLH: frozen transport only')
on conflict (profile_code, key) do nothing;
