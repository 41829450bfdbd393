-- logistics: pick-up runs and their stops still to visit, for reports (today's pick-ups on the home page).
create view logistics_pickup_run_v as
select r.id, r.number, r.planned_on, r.driver, r.state,
       (select count(*) from pickup_stop s where s.run_id = r.id)::int as stops,
       (select count(*) from pickup_stop s where s.run_id = r.id and s.outcome = 'PENDING')::int as pending_stops
from pickup_run r;
