-- Italy (EMBA) and France judge cultures by their own limits (reference section 5); V130 copied NICE's for every
-- parameter the lab added in V100.
update standard_profile_parameter
set value  = 'TOTAL_VIABLE_COUNT=100000,ENTEROBACTERIACEAE=10000,STAPH_AUREUS=10000',
    source = 'Reference 5 (Italy): total > 10^5 CFU/mL, Enterobacteriaceae or S. aureus > 10^4 CFU/mL fails'
where profile_code = 'ITALY' and key = 'pre-culture.limits';

update standard_profile_parameter
set value  = 'ANY=10',
    source = 'Reference 5 (Italy): more than 10 CFU/mL of anything after pasteurisation fails'
where profile_code = 'ITALY' and key = 'post-culture.limits';

update standard_profile_parameter
set value  = 'TOTAL_VIABLE_COUNT=1000000,STAPH_AUREUS=10000',
    source = 'Reference 5 (France): total > 10^6 CFU/mL, S. aureus > 10^4 CFU/mL fails'
where profile_code = 'FRANCE' and key = 'pre-culture.limits';
