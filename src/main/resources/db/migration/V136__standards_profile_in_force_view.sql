-- standards: the profile the bank follows now (its code; its name is the bundle's standards.profile.<CODE>.name, or
-- the stored name of a profile the bank added itself), published for readers by SQL such as the monthly report.
create view standards_profile_in_force_v as
select s.value as profile_code, p.name as stored_name, p.built_in
from bank_setting s
         join standard_profile p on p.code = s.value
where s.key = 'active-profile';
