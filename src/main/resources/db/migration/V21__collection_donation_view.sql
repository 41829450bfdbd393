-- collection: each donation with what it brought, for the donor's timeline (the donor module reads this view,
-- never collection's tables).
create view collection_donation_v as
select d.id, d.donor_id, d.received_at, count(c.id) as containers, coalesce(sum(c.volume_ml), 0) as volume_ml,
       min(c.expressed_on) as first_expressed, max(c.expressed_on) as last_expressed
from donation d left join raw_container c on c.donation_id = d.id
group by d.id, d.donor_id, d.received_at;
