-- standards (seeded after V11 creates the Brazil profile): the order a person's names are shown in, a convention
-- of the bank's country. A Vietnamese or Lao bank on any profile chooses FAMILY_FIRST (bank_setting names.order).
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'names.order', 'GIVEN_FIRST',
       'Bank convention: given name first (North America, United Kingdom, Brazil); Vietnamese and Lao banks write the family name first (FAMILY_FIRST)'
from standard_profile
on conflict do nothing;
