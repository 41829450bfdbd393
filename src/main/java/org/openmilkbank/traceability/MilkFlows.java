package org.openmilkbank.traceability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Released milk over time, read from the lineage alone: per day, the bottles released and still on the shelf at the
 * day's end (not dispensed, discarded or past their expiry), and the milk dispensed that day.
 */
@Service
@Transactional(readOnly = true)
public class MilkFlows {

    /** The longest series one request may ask for. */
    public static final int MAX_DAYS = 366;

    /** One day in the bank's time zone. */
    public record Day(LocalDate day, long stockMl, int stockBottles, long dispensedMl, int dispensedBottles) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    MilkFlows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every day from {@code from} to {@code to}, both included. */
    public List<Day> bottles(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolation("stock.series.invalid", from, to, MAX_DAYS);
        }
        // the days' bounds in the bank's time zone, worked out here so that the database need not know the zone
        List<LocalDate> days = from.datesUntil(to.plusDays(1)).toList();
        return jdbc.sql("""
                        with lineage_bottle as (
                            select u.id,
                                   (select (e.data ->> 'volumeMl')::int from milk_event e
                                    where e.unit_id = u.id and e.type = 'FILLED' order by e.at limit 1) as volume_ml,
                                   (select (e.data ->> 'expiresOn')::date from milk_event e
                                    where e.unit_id = u.id and e.data ->> 'expiresOn' is not null
                                    order by e.at desc, e.recorded_at desc limit 1) as expires_on,
                                   (select min(e.at) from milk_event e
                                    where e.unit_id = u.id and e.type = 'RELEASED') as released_at,
                                   (select min(e.at) from milk_event e
                                    where e.unit_id = u.id and e.type in ('DISPENSED', 'DISCARDED')) as out_at,
                                   (select min(e.at) from milk_event e
                                    where e.unit_id = u.id and e.type = 'DISPENSED') as dispensed_at
                            from milk_unit u
                            where u.kind = 'BOTTLE'
                        ), day as (
                            select d.day::date as day, d.starts::timestamptz as starts, d.ends::timestamptz as ends
                            from unnest(cast(:days as text[]), cast(:starts as text[]), cast(:ends as text[]))
                                 as d (day, starts, ends)
                        )
                        select day.day,
                               coalesce(sum(b.volume_ml) filter (where b.released_at < day.ends
                                   and (b.out_at is null or b.out_at >= day.ends)
                                   and (b.expires_on is null or b.expires_on >= day.day)), 0) as stock_ml,
                               count(b.id) filter (where b.released_at < day.ends
                                   and (b.out_at is null or b.out_at >= day.ends)
                                   and (b.expires_on is null or b.expires_on >= day.day)) as stock_bottles,
                               coalesce(sum(b.volume_ml) filter (where b.dispensed_at >= day.starts
                                   and b.dispensed_at < day.ends), 0) as dispensed_ml,
                               count(b.id) filter (where b.dispensed_at >= day.starts
                                   and b.dispensed_at < day.ends) as dispensed_bottles
                        from day
                        left join lineage_bottle b on b.released_at < day.ends
                        group by day.day
                        order by day.day
                        """)
                .param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("starts", days.stream().map(d -> start(d).toString()).toArray(String[]::new))
                .param(
                        "ends",
                        days.stream().map(d -> start(d.plusDays(1)).toString()).toArray(String[]::new))
                .query((rs, n) -> new Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("stock_ml"),
                        rs.getInt("stock_bottles"),
                        rs.getLong("dispensed_ml"),
                        rs.getInt("dispensed_bottles")))
                .list();
    }

    private java.time.Instant start(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }
}
