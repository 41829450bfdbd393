-- A pool's energy as its label prints it (lab.LabelNutrients): the pool's own latest counted milk analyser result
-- where it gave energy (a measurement of the pool beats an estimate from its containers), else the volume-weighted
-- mean of its containers' crematocrits by each one's formula (only when every container was measured). The stock's
-- energy classes and the lab's reports read this view, so they now class a pool the way its label reads.
create or replace view lab_pool_nutrient_v as
with portion as (
    select l.child_id as pool_id, l.parent_id as container_id, l.volume_ml, q.cream_mm, q.total_mm,
           q.crematocrit_formula
    from milk_link l
    join milk_unit p on p.id = l.child_id and p.kind = 'POOL'
    join milk_unit c on c.id = l.parent_id and c.kind = 'CONTAINER'
    left join lab_container_quality q on q.container_id = l.parent_id and q.crematocrit_at is not null
), crematocrit as (
    select pool_id,
           round(sum(volume_ml * case crematocrit_formula
                   when 'LUCAS' then 66.8 * (cream_mm * 100 / total_mm) + 290
                   when 'WANG_FRESH' then (5.99 * (cream_mm * 100 / total_mm) + 32.5) * 10
                   when 'WANG_FROZEN' then (6.20 * (cream_mm * 100 / total_mm) + 35.1) * 10 end)
                 / sum(volume_ml) / 10, 1) as kcal_per_dl
    from portion
    group by pool_id
    having count(*) = count(cream_mm) and sum(volume_ml) > 0
), latest as (
    select distinct on (r.unit_id) r.id, r.unit_id as pool_id
    from lab_analyser_result r
    where r.unit_kind = 'POOL' and r.counted and not r.voided
    order by r.unit_id, r.measured_at desc
), analysed as (
    select l.pool_id,
           round(e.value, 1) as kcal_per_dl,
           coalesce(t.value, c.value) as protein_g_per_dl
    from latest l
    left join lab_analyser_reading e on e.result_id = l.id and e.nutrient = 'ENERGY'
    left join lab_analyser_reading t on t.result_id = l.id and t.nutrient = 'TRUE_PROTEIN'
    left join lab_analyser_reading c on c.result_id = l.id and c.nutrient = 'CRUDE_PROTEIN'
)
select p.id as pool_id, p.created_at,
       coalesce(a.kcal_per_dl, e.kcal_per_dl) as kcal_per_dl,
       a.protein_g_per_dl,
       case when a.kcal_per_dl is not null then 'ANALYSER'
            when e.kcal_per_dl is not null then 'CREMATOCRIT' end as energy_source
from milk_unit p
left join crematocrit e on e.pool_id = p.id
left join analysed a on a.pool_id = p.id
where p.kind = 'POOL' and (coalesce(a.kcal_per_dl, e.kcal_per_dl) is not null or a.protein_g_per_dl is not null);
