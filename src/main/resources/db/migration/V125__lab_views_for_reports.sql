-- lab: what the lab dashboard in reporting reads. Columns are only appended.

-- Each judged culture sample with the unit it judges: a pool's pre-culture judges the pool, a post-culture of a
-- run's bottle or control bottle judges the run it came from (through the lineage).
create view lab_culture_result_v as
select s.id, s.purpose, s.unit_id, s.unit_kind, s.taken_at, s.judged_at, s.verdict,
       coalesce(case when s.unit_kind = 'BOTTLE' then (
                    select a.ancestor_id from milk_ancestors(array[s.unit_id]) a
                    join milk_unit u on u.id = a.ancestor_id and u.kind = 'RUN'
                    order by a.depth limit 1) end,
                s.unit_id) as judged_unit_id
from lab_sample s
where s.verdict is not null;

-- The donors whose milk is in a sampled unit: the containers among its ancestors in the lineage.
create view lab_sample_donor_v as
select distinct s.id as sample_id, u.donor_id
from lab_sample s
cross join lateral milk_ancestors(array[s.unit_id]) a
join milk_unit u on u.id = a.ancestor_id and u.kind = 'CONTAINER';

-- Each container's Dornic acidity: the mean of three titrations (1 °D = 0.01 mL of N/9 NaOH) and whether it failed
-- the limit it was judged by (the mean must be under it; compared exactly as sum against three times the limit).
create view lab_dornic_v as
select q.container_id, q.din, q.dornic_at,
       round((q.dornic_ml_1 + q.dornic_ml_2 + q.dornic_ml_3) * 100 / 3, 2) as mean_degrees,
       q.dornic_limit,
       (q.dornic_ml_1 + q.dornic_ml_2 + q.dornic_ml_3) * 100 >= 3 * q.dornic_limit as failed
from lab_container_quality q
where q.dornic_at is not null and q.dornic_limit is not null;

-- Each pool's nutrients: energy as the volume-weighted mean of its containers' crematocrits by each one's formula
-- (only when every container of the pool was measured, as its label prints it), protein from the latest counted
-- analyser result of the pool (true protein, else crude).
create view lab_pool_nutrient_v as
with portion as (
    select l.child_id as pool_id, l.parent_id as container_id, l.volume_ml, q.cream_mm, q.total_mm,
           q.crematocrit_formula
    from milk_link l
    join milk_unit p on p.id = l.child_id and p.kind = 'POOL'
    join milk_unit c on c.id = l.parent_id and c.kind = 'CONTAINER'
    left join lab_container_quality q on q.container_id = l.parent_id and q.crematocrit_at is not null
), energy as (
    select pool_id,
           round(sum(volume_ml * case crematocrit_formula
                   when 'LUCAS' then 66.8 * (cream_mm * 100 / total_mm) + 290
                   when 'WANG_FRESH' then (5.99 * (cream_mm * 100 / total_mm) + 32.5) * 10
                   when 'WANG_FROZEN' then (6.20 * (cream_mm * 100 / total_mm) + 35.1) * 10 end)
                 / sum(volume_ml) / 10, 1) as kcal_per_dl
    from portion
    group by pool_id
    having count(*) = count(cream_mm) and sum(volume_ml) > 0
), protein as (
    select distinct on (r.unit_id) r.unit_id as pool_id, r.measured_at,
           coalesce(t.value, c.value) as protein_g_per_dl
    from lab_analyser_result r
    left join lab_analyser_reading t on t.result_id = r.id and t.nutrient = 'TRUE_PROTEIN'
    left join lab_analyser_reading c on c.result_id = r.id and c.nutrient = 'CRUDE_PROTEIN'
    where r.unit_kind = 'POOL' and r.counted and not r.voided and coalesce(t.value, c.value) is not null
    order by r.unit_id, r.measured_at desc
)
select p.id as pool_id, p.created_at, e.kcal_per_dl, pr.protein_g_per_dl
from milk_unit p
left join energy e on e.pool_id = p.id
left join protein pr on pr.pool_id = p.id
where p.kind = 'POOL' and (e.kcal_per_dl is not null or pr.protein_g_per_dl is not null);
