-- orders: how long an unused bottle may be away from the bank and still go back into stock when the ward returns it
-- (never thawed, in date and still frozen on arrival by transport.frozen-max-c); otherwise it is discarded.
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'returns.max-hours-out', '24',
       'Bank parameter, no standard fixes it: an unopened bottle kept frozen may go back into stock within 24 h of its dispatch; 0 discards every returned bottle'
from standard_profile
on conflict do nothing;
