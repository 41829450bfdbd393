-- Orders of donor milk for an infant (issue 13; reference sections 9 and 12): the ward orders, the bank allocates.

-- What makes an infant a candidate for donor milk besides gestation and weight (reference section 9); amended with a
-- reason like her other details.
alter table infant add column nec_risk boolean not null default false;
alter table infant add column gut_surgery boolean not null default false;
alter table infant add column heart_disease boolean not null default false;

create table milk_order (
    id                 uuid primary key,
    infant_id          uuid        not null references infant (id),
    volume_per_day_ml  int         not null check (volume_per_day_ml between 1 and 3000),
    volume_per_feed_ml int         not null check (volume_per_feed_ml between 1 and 500),
    feeds_per_day      int         not null check (feeds_per_day between 1 and 24),
    starts_on          date        not null,
    ends_on            date check (ends_on is null or ends_on >= starts_on),
    energy_band        text check (energy_band in ('HYPOCALORIC', 'NORMOCALORIC', 'HYPERCALORIC')),
    acidity_band       text check (acidity_band in ('UP_TO_4', 'FROM_4_TO_8')),
    clinician          text        not null,
    state              text        not null
        check (state in ('REQUESTED', 'ALLOCATED', 'DISPATCHED', 'RECEIVED', 'FULFILLED', 'CANCELLED')),
    cancel_reason      text check ((state = 'CANCELLED') = (cancel_reason is not null)),
    requested_at       timestamptz not null,
    requested_by       text        not null,
    version            bigint      not null default 0
);
create index milk_order_infant on milk_order (infant_id);
create index milk_order_open on milk_order (state) where state not in ('FULFILLED', 'CANCELLED');

-- The bottles an accepted allocation reserves for an order. A bottle is reserved for one order at a time; a freed
-- reservation (order cancelled) is kept with when it was freed, never deleted.
create table milk_order_bottle (
    id           uuid primary key,
    order_id     uuid        not null references milk_order (id),
    bottle_id    uuid        not null references bottle (id),
    allocated_at timestamptz not null,
    allocated_by text        not null,
    freed_at     timestamptz,
    version      bigint      not null default 0
);
create unique index milk_order_bottle_reserved on milk_order_bottle (bottle_id) where freed_at is null;
create index milk_order_bottle_order on milk_order_bottle (order_id);

-- A manager's shortage switch: every switch on or off is kept with who, when and why; the latest one holds.
create table shortage_switch (
    id          uuid primary key,
    shortage_on boolean     not null,
    reason      text        not null,
    switched_at timestamptz not null,
    switched_by text        not null
);

-- Who should get donor milk (reference section 9: < 32 weeks and/or < 1,500 g, NEC risk, gut surgery, heart disease).
insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'orders.criteria.below-weeks', '32',
       'Reference section 9 (EMBA, HMBANA): infants born before 32 weeks are first candidates for donor milk'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'orders.criteria.below-grams', '1500',
       'Reference section 9 (EMBA, HMBANA): infants born under 1,500 g (very low birth weight) are first candidates'
from standard_profile
on conflict do nothing;

insert into standard_profile_parameter (profile_code, key, value, source)
select code, 'orders.shortage.below-days', '7',
       'Bank parameter, no standard fixes it: shortage mode starts by itself when days of supply fall under 7'
from standard_profile
on conflict do nothing;
