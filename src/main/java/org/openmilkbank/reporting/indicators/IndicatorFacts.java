package org.openmilkbank.reporting.indicators;

/**
 * The SQL behind every indicator: one row per unit that counts (a container, a donor, a run, a bottle, an infant,
 * a near miss) for each period it counts in, with what it adds to a numerator ({@code n}) and a denominator
 * ({@code d}). The numbers and the units behind them come from the same rows, so a number's units always add up to
 * it. The periods are the rows of {@code b} (start, end excluded, its first and last day), so a year of months is one
 * query. Reads the modules' published views and the lineage ({@code milk_*}) only.
 */
final class IndicatorFacts {

    private IndicatorFacts() {}

    /** The periods, from three text arrays: starts and ends (instants) and each period's first and last day. */
    private static final String BUCKETS = """
            b as (
                select * from unnest(cast(cast(:starts as text) as timestamptz[]),
                                     cast(cast(:ends as text) as timestamptz[]),
                                     cast(cast(:firsts as text) as date[]),
                                     cast(cast(:lasts as text) as date[])) as b(start_at, end_at, day, last_day)
            ),
            """;

    /**
     * Every discard with its cause (see the bundle's definition of DISCARDED_VOLUME): the lineage's discards of a
     * container, pool or bottle (the remainder of a bottle divided on the ward is no discard of the bank's stock) and
     * the containers rejected at reception.
     */
    private static final String DISCARDS = """
            discarded as materialized (
                select e.unit_id, e.at, e.reason_code, u.kind, coalesce(u.din, u.code) as label
                from milk_event e join milk_unit u on u.id = e.unit_id
                where e.type = 'DISCARDED' and e.reason_code is distinct from 'ward.remainder'
                  and u.kind in ('CONTAINER', 'POOL', 'BOTTLE')
                  and e.at >= :min and e.at < :max
            ),
            held as (
                -- the holds that name a cause, with the unit each stands on (a donor's window: her containers)
                select h.kind, h.placed_at, h.ended_at, h.outcome, h.unit_id as held_id
                from milk_hold h
                where h.scope = 'UNIT'
                  and h.kind in ('RECALL', 'CALIBRATION', 'DONOR_BLOCK', 'DONOR_DEFERRAL', 'EXCURSION', 'EXPIRY')
                union all
                select h.kind, h.placed_at, h.ended_at, h.outcome, c.id
                from milk_hold h
                join milk_unit c on c.kind = 'CONTAINER' and c.donor_id = h.donor_id
                    and (h.window_from is null or c.expressed_on >= h.window_from)
                    and (h.window_to is null or c.expressed_on <= h.window_to)
                where h.scope = 'DONOR_WINDOW'
            ),
            standing as materialized (
                -- a hold standing on a discarded unit or an ancestor of it when it was discarded (or ended by it)
                select d.unit_id, hh.kind
                from held hh
                join milk_descendants(array(select distinct held_id from held)) x on x.unit_id = hh.held_id
                join discarded d on d.unit_id = x.descendant_id
                where hh.placed_at <= d.at
                  and (hh.ended_at is null or hh.ended_at >= d.at or hh.outcome = 'DISCARDED')
            ),
            discards as (
                select d.unit_id, d.at, d.kind, d.label,
                       case
                           when d.reason_code = 'processing.culture.failed' then 'PRE_CULTURE'
                           when d.reason_code = 'culture.positive' then 'POST_CULTURE'
                           when d.reason_code = 'collection.discardedByLab' then
                               case when exists (select 1 from lab_dornic_v q
                                                 where q.container_id = d.unit_id and q.failed)
                                    then 'DORNIC' else 'SENSORY' end
                           when d.reason_code = 'curve.failed' then 'FAILED_CYCLE'
                           when exists (select 1 from standing s where s.unit_id = d.unit_id
                                        and s.kind in ('RECALL', 'CALIBRATION')) then 'RECALL'
                           when exists (select 1 from standing s where s.unit_id = d.unit_id
                                        and s.kind in ('DONOR_BLOCK', 'DONOR_DEFERRAL')) then 'DONOR_BLOCK'
                           when exists (select 1 from standing s where s.unit_id = d.unit_id
                                        and s.kind = 'EXCURSION') then 'EXCURSION'
                           when exists (select 1 from standing s where s.unit_id = d.unit_id and s.kind = 'EXPIRY')
                                or bt.expires_on < cast(d.at at time zone cast(:zone as text) as date) then 'EXPIRY'
                           when d.kind = 'POOL' and exists (select 1 from pasteurization_run_v r
                                                            where r.pool_id = d.unit_id and r.outcome = 'FAILED')
                               then 'FAILED_CYCLE'
                           else 'OTHER'
                       end as cause,
                       case d.kind when 'CONTAINER' then c.volume_ml
                                   when 'BOTTLE' then bt.volume_ml
                                   else greatest(p.volume_ml - p.bottled_ml - p.sampled_ml, 0) end as volume_ml
                from discarded d
                left join collection_container_v c on c.id = d.unit_id
                left join inventory_bottle_v bt on bt.id = d.unit_id
                left join processing_pool_v p on p.id = d.unit_id
                union all
                select e.unit_id, e.at, 'CONTAINER', u.din,
                       case when e.data ->> 'rejectReason' in ('COLD_CHAIN_BROKEN', 'THAWED') then 'COLD_CHAIN'
                            when e.data ->> 'rejectReason' in ('DONOR_NOT_ELIGIBLE', 'DONOR_BLOCKED') then 'DONOR_BLOCK'
                            else 'OTHER' end,
                       c.volume_ml
                from milk_event e
                join milk_unit u on u.id = e.unit_id
                join collection_container_v c on c.id = e.unit_id
                where e.type = 'REJECTED' and e.at >= :min and e.at < :max
            ),
            """;

    /** A pool's pre-culture (typed on the pool or judged by the lab) and a run's post-culture, once per unit. */
    private static final String CULTURES = """
            pre_culture as (
                select unit_id, min(at) as at, bool_or(failed) as failed from (
                    select e.unit_id, e.at, e.data ->> 'outcome' = 'FAIL' as failed
                    from milk_event e join milk_unit u on u.id = e.unit_id and u.kind = 'POOL'
                    where e.type = 'CULTURE_RECORDED'
                    union all
                    select r.judged_unit_id, r.judged_at, r.verdict = 'FAIL'
                    from lab_culture_result_v r where r.purpose = 'PRE_CULTURE'
                ) x group by unit_id
            ),
            nutrients as materialized (
                select v.pool_id, v.created_at, v.kcal_per_dl, v.protein_g_per_dl
                from lab_pool_nutrient_v v where v.created_at >= :min and v.created_at < :max
            ),
            post_culture as (
                select e.unit_id, min(e.at) as at, bool_or(e.type = 'CULTURE_POSITIVE') as failed
                from milk_event e join milk_unit u on u.id = e.unit_id and u.kind = 'RUN'
                where e.type in ('CULTURE_NEGATIVE', 'CULTURE_POSITIVE')
                group by e.unit_id
            ),
            """;

    /**
     * The holds that may stand on a bottle at some period's end, with every unit each stands on: the held unit and
     * what was made from it, and for a donor's block or deferral, the milk made from the containers it covers (as
     * the safety gate reads them).
     */
    private static final String STOCK_HOLDS = """
            stock_holds as (
                select h.unit_id as held_id, h.placed_at, h.ended_at
                from milk_hold h
                where h.scope = 'UNIT' and h.placed_at < :max and (h.ended_at is null or h.ended_at >= :min)
                union all
                select c.id, h.placed_at, h.ended_at
                from milk_hold h
                join milk_unit c on c.kind = 'CONTAINER' and c.donor_id = h.donor_id
                    and (h.window_from is null or c.expressed_on >= h.window_from)
                    and (h.window_to is null or c.expressed_on <= h.window_to)
                where h.scope = 'DONOR_WINDOW' and h.placed_at < :max and (h.ended_at is null or h.ended_at >= :min)
            ),
            stock_held as materialized (
                select x.descendant_id as unit_id, hh.placed_at, hh.ended_at
                from stock_holds hh
                join milk_descendants(array(select distinct held_id from stock_holds)) x on x.unit_id = hh.held_id
            ),
            """;

    private static final String FACTS = """
            facts as (
                select 'RECEIVED' as fact, null as breakdown, b.day, 'CONTAINER' as kind, u.id as unit_id,
                       u.din as label, u.created_at as on_at, c.volume_ml::numeric as n, 1::numeric as d
                from milk_unit u join collection_container_v c on c.id = u.id
                join b on u.created_at >= b.start_at and u.created_at < b.end_at
                where u.kind = 'CONTAINER' and u.created_at >= :min and u.created_at < :max
                union all
                select 'DONOR_VOLUME', null, b.day, 'DONOR', u.donor_id, dn.donor_code, min(u.created_at),
                       sum(c.volume_ml), 1
                from milk_unit u join collection_container_v c on c.id = u.id
                join donor_trace_v dn on dn.id = u.donor_id
                join b on u.created_at >= b.start_at and u.created_at < b.end_at
                where u.kind = 'CONTAINER' and u.created_at >= :min and u.created_at < :max
                group by b.day, u.donor_id, dn.donor_code
                union all
                select 'DONOR_NEW', null, b.day, 'DONOR', f.donor_id, dn.donor_code, f.first_at, 1, 1
                from (select donor_id, min(created_at) as first_at from milk_unit
                      where kind = 'CONTAINER' group by donor_id) f
                join donor_trace_v dn on dn.id = f.donor_id
                join b on f.first_at >= b.start_at and f.first_at < b.end_at
                union all
                select 'PASTEURISED', null, b.day, 'RUN', r.id, ru.code, r.ended_at, sum(bt.volume_ml), 1
                from pasteurization_run_v r
                join milk_unit ru on ru.id = r.id
                join inventory_bottle_v bt on bt.run_id = r.id
                join b on r.ended_at >= b.start_at and r.ended_at < b.end_at
                where r.outcome = 'PASSED' and r.ended_at >= :min and r.ended_at < :max
                group by b.day, r.id, ru.code, r.ended_at
                union all
                select 'DISPENSED', case when i.outpatient then 'OUTPATIENT' else 'NICU' end, b.day, 'BOTTLE',
                       ds.bottle_id, bu.din, ds.dispensed_at, bt.volume_ml, 1
                from dispensing_dispense_v ds
                join inventory_bottle_v bt on bt.id = ds.bottle_id
                join milk_unit bu on bu.id = ds.bottle_id
                join dispensing_infant_indicator_v i on i.id = ds.infant_id
                join b on ds.dispensed_at >= b.start_at and ds.dispensed_at < b.end_at
                where ds.dispensed_at >= :min and ds.dispensed_at < :max and ds.returned_at is null
                union all
                select 'RECIPIENTS',
                       case when i.gestational_age_weeks < 28 then 'GA_LT_28'
                            when i.gestational_age_weeks < 32 then 'GA_28_31'
                            when i.gestational_age_weeks < 37 then 'GA_32_36'
                            else 'GA_GE_37' end,
                       b.day, 'INFANT', i.id, i.infant_code, min(ds.dispensed_at), 1, 1
                from dispensing_dispense_v ds
                join dispensing_infant_indicator_v i on i.id = ds.infant_id
                join b on ds.dispensed_at >= b.start_at and ds.dispensed_at < b.end_at
                where ds.dispensed_at >= :min and ds.dispensed_at < :max and ds.returned_at is null
                group by b.day, i.id, i.infant_code, i.gestational_age_weeks
                union all
                select 'POOLS', null, b.day, 'POOL', p.id, p.din, p.created_at, 1, 1
                from processing_pool_v p
                join b on p.created_at >= b.start_at and p.created_at < b.end_at
                where p.created_at >= :min and p.created_at < :max
                union all
                select case when x.failed then 'FAILED_CYCLES' else 'RUNS' end, null, b.day, 'RUN', r.id, ru.code,
                       r.ended_at, 1, 1
                from pasteurization_run_v r
                join milk_unit ru on ru.id = r.id
                cross join (values (false), (true)) as x(failed)
                join b on r.ended_at >= b.start_at and r.ended_at < b.end_at
                where r.ended_at >= :min and r.ended_at < :max and (not x.failed or r.outcome = 'FAILED')
                union all
                select 'DISCARDS', ds.cause, b.day, ds.kind, ds.unit_id, ds.label, ds.at, ds.volume_ml, 1
                from discards ds join b on ds.at >= b.start_at and ds.at < b.end_at
                union all
                select 'PRE_CULTURE', null, b.day, 'POOL', c.unit_id, u.din, c.at, case when c.failed then 1 else 0 end, 1
                from pre_culture c join milk_unit u on u.id = c.unit_id
                join b on c.at >= b.start_at and c.at < b.end_at
                union all
                select 'POST_CULTURE', null, b.day, 'RUN', c.unit_id, u.code, c.at, case when c.failed then 1 else 0 end, 1
                from post_culture c join milk_unit u on u.id = c.unit_id
                join b on c.at >= b.start_at and c.at < b.end_at
                union all
                select 'ENERGY', null, b.day, 'POOL', v.pool_id, u.din, v.created_at, v.kcal_per_dl * 10, 1
                from nutrients v join milk_unit u on u.id = v.pool_id
                join b on v.created_at >= b.start_at and v.created_at < b.end_at
                where v.kcal_per_dl is not null
                union all
                select 'PROTEIN', null, b.day, 'POOL', v.pool_id, u.din, v.created_at, v.protein_g_per_dl, 1
                from nutrients v join milk_unit u on u.id = v.pool_id
                join b on v.created_at >= b.start_at and v.created_at < b.end_at
                where v.protein_g_per_dl is not null
                union all
                select 'STOCK', null, b.day, 'BOTTLE', u.id, u.din,
                       (select max(r.at) from milk_event r where r.unit_id = u.id and r.type = 'RELEASED'
                        and r.at < b.end_at), bt.volume_ml, 1
                from inventory_bottle_v bt
                join milk_unit u on u.id = bt.id
                join b on u.created_at < b.end_at and bt.expires_on >= b.last_day
                where exists (select 1 from milk_event r where r.unit_id = u.id and r.type = 'RELEASED'
                              and r.at < b.end_at)
                  and not exists (select 1 from milk_event o where o.unit_id = u.id
                                  and o.type in ('DISPENSED', 'DISCARDED') and o.at < b.end_at
                                  and not exists (select 1 from milk_event back where back.unit_id = u.id
                                                  and back.type = 'RETURNED' and back.data ->> 'outcome' = 'STOCK'
                                                  and back.at >= o.at and back.at < b.end_at))
                  and not exists (select 1 from stock_held h where h.unit_id = u.id
                                  and h.placed_at < b.end_at and (h.ended_at is null or h.ended_at >= b.end_at))
                union all
                select 'NEAR_MISSES', r.reason, b.day, 'NEAR_MISS', nm.id, nm.unit_label, nm.at, 1, 1
                from ward_near_miss_v nm cross join unnest(nm.reasons) as r(reason)
                join b on nm.at >= b.start_at and nm.at < b.end_at
                where nm.at >= :min and nm.at < :max
            )
            """;

    /** The facts of the periods {@code b}. */
    static final String WITH_FACTS = "with " + BUCKETS + DISCARDS + CULTURES + STOCK_HOLDS + FACTS;

    /** Each fact's sums per period, with each breakdown and the total (grouping(breakdown) = 1). */
    static final String SUMS = WITH_FACTS + """
            select fact, breakdown, day, grouping(breakdown) as total, sum(n) as n, sum(d) as d,
                   count(distinct unit_id) as units
            from facts
            group by grouping sets ((fact, breakdown, day), (fact, day))
            """;

    /**
     * The units behind one fact (and breakdown, when {@code :breakdown} is not blank) for one period, one row per
     * unit, paged, with the count and amount of all of them. {@code :counted} says the unit adds 1 (a count), else
     * it adds its {@code n} (a volume, a positive culture).
     */
    static final String UNITS = WITH_FACTS + """
            , units as (
                select kind, unit_id, label, min(on_at) as on_at,
                       case when :counted then 1 else sum(n) end as amount
                from facts
                where fact = :fact and (cast(:breakdown as text) is null or breakdown = cast(:breakdown as text))
                group by kind, unit_id, label
            )
            select kind, unit_id, label, on_at, amount, count(*) over () as total,
                   sum(amount) over () as total_amount
            from units
            order by on_at, label, unit_id
            limit :limit offset :offset
            """;
}
