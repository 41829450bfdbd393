-- expiry: the clocks of thawed and warmed milk, the expiry work list's look-ahead and the days of supply's window,
-- per profile (reference section 8); a bottle's thaw and warming; at most one EXPIRY hold per unit.
-- Raw frozen milk keeps raw.max-age-days (NICE 90, HMBANA 365 as Arkansas/Washington, Brazil 15) and pasteurised
-- milk pasteurised.expiry-months / pasteurised.expiry-from; a fridge thaw keeps thawed.life-hours (24 h, TMB2).
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'thawed.room-life-hours', '4',
       'Reference section 8 (TMB2, NY): thawed milk at room temperature used within 4 h'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'warmed.life-hours', '1',
       'Reference sections 8 and 12 (TMB2): warmed milk discarded after 1 h'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'expiry.warning-days', '7',
       'Bank parameter, no standard fixes it: the expiry work list looks 7 days ahead'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'stock.use-days', '30',
       'Bank parameter, no standard fixes it: days of supply average the milk dispensed over the last 30 days'
from standard_profile
on conflict do nothing;

-- A bottle's thaw (how and when) and warming; its expiry moment once a thaw clock runs (the earlier of its frozen
-- expiry and the clock). Each is set once: a bottle is thawed once and warmed once.
alter table bottle add column thawed_at timestamptz;
alter table bottle add column thaw_method text check (thaw_method in ('FRIDGE', 'ROOM'));
alter table bottle add column warmed_at timestamptz;
alter table bottle add column expires_at timestamptz;
alter table bottle add constraint bottle_thaw_check
    check ((thawed_at is null) = (thaw_method is null) and (warmed_at is null or thawed_at is not null)
           and (thawed_at is null) = (expires_at is null));

-- Never two EXPIRY holds on one unit: the sweep and the gate may both find it expired.
create unique index milk_hold_one_expiry_per_unit on milk_hold (unit_id) where kind = 'EXPIRY';
