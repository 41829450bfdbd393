-- donor: how far back before a deferral of each category her milk is unsafe. No standard fixes these numbers;
-- they are bank defaults a bank's own profile can change.
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'deferral.risk-lookback', 'DRUGS=30,NICOTINE=30,ILLNESS=14',
       'Bank default: recent drug or nicotine use (NICE, Washington 30 days) and illness exposure (14 days, emergency addenda practice) make earlier milk unsafe; other categories hold only milk expressed during the deferral'
from standard_profile
on conflict do nothing;
