package org.openmilkbank.reporting;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.DatabaseZone;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab dashboard by read-only SQL over the views the lab publishes ({@code lab_culture_result_v},
 * {@code lab_sample_donor_v}, {@code lab_dornic_v}, {@code lab_pool_nutrient_v}). A pool counts once, in the
 * month its first pre-culture sample was taken, as failed when any of its samples failed; a run likewise with its
 * post-culture samples (a bottle's sample counts for its run). Months are the bank's (the clock's zone).
 */
@Service
@Transactional(readOnly = true)
public class LabReporting {

    /** The longest period one report covers: five years of months. */
    public static final int MAX_MONTHS = 60;

    /** The months shown when no period is asked for: the last twelve, this one included. */
    static final int DEFAULT_MONTHS = 12;

    private static final String CULTURED_UNITS = """
            select judged_unit_id, min(taken_at) as taken_at, bool_or(verdict = 'FAIL') as failed
            from lab_culture_result_v where purpose = :purpose group by judged_unit_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    LabReporting(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The period from the text of its two months ({@code yyyy-MM}; either blank for the default), refused with
     * the field it names when a month is unreadable, the end is before the start or the period is too long.
     */
    public Period period(String from, String to) {
        YearMonth now = YearMonth.now(clock);
        YearMonth end = blank(to) ? now : month(to, "to");
        YearMonth start = blank(from) ? end.minusMonths(DEFAULT_MONTHS - 1L) : month(from, "from");
        if (end.isBefore(start)) {
            throw new RuleViolation("reporting.lab.period.order").on("to");
        }
        if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
            throw new RuleViolation("reporting.lab.period.tooLong", MAX_MONTHS).on("from");
        }
        return new Period(start, end);
    }

    /** A period of whole months, both ends included. */
    public record Period(YearMonth from, YearMonth to) {}

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static YearMonth month(String text, String field) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("reporting.lab.period.month", text.strip()).on(field);
        }
    }

    public LabDashboard dashboard(Period period) {
        Timestamp start = Timestamp.from(
                period.from().atDay(1).atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(
                period.to().plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toInstant());
        String zone = DatabaseZone.of(clock.getZone());
        Map<YearMonth, int[]> pre = counts(CULTURED_UNITS, "taken_at", "PRE_CULTURE", start, end, zone);
        Map<YearMonth, int[]> post = counts(CULTURED_UNITS, "taken_at", "POST_CULTURE", start, end, zone);
        Map<YearMonth, int[]> dornic = counts(
                "select container_id, dornic_at, failed from lab_dornic_v", "dornic_at", "DORNIC", start, end, zone);
        Map<YearMonth, Nutrients> nutrients = nutrients(start, end, zone);
        List<LabDashboard.Month> months = new ArrayList<>();
        for (YearMonth m = period.from(); !m.isAfter(period.to()); m = m.plusMonths(1)) {
            months.add(month(m, pre.get(m), post.get(m), dornic.get(m), nutrients.get(m)));
        }
        int[] preAll = sum(pre);
        int[] postAll = sum(post);
        int[] dornicAll = sum(dornic);
        Nutrients all = nutrients(start, end, zone, false).getOrDefault(null, Nutrients.NONE);
        LabDashboard.Month total = new LabDashboard.Month(
                null,
                preAll[0],
                preAll[1],
                postAll[0],
                postAll[1],
                dornicAll[0],
                dornicAll[1],
                all.withEnergy(),
                all.meanKcal(),
                all.withProtein(),
                all.meanProtein());
        return new LabDashboard(period.from(), period.to(), months, total, donors(start, end), PublishedLabRates.RATES);
    }

    private static LabDashboard.Month month(YearMonth m, int[] pre, int[] post, int[] dornic, Nutrients n) {
        int[] none = {0, 0};
        pre = pre == null ? none : pre;
        post = post == null ? none : post;
        dornic = dornic == null ? none : dornic;
        n = n == null ? Nutrients.NONE : n;
        return new LabDashboard.Month(
                m,
                pre[0],
                pre[1],
                post[0],
                post[1],
                dornic[0],
                dornic[1],
                n.withEnergy(),
                n.meanKcal(),
                n.withProtein(),
                n.meanProtein());
    }

    private static int[] sum(Map<YearMonth, int[]> byMonth) {
        int[] all = {0, 0};
        byMonth.values().forEach(c -> {
            all[0] += c[0];
            all[1] += c[1];
        });
        return all;
    }

    /**
     * Units judged and failed by month of {@code at}, from a query naming {@code failed} and {@code at} (and
     * {@code :purpose} if it needs it).
     */
    private Map<YearMonth, int[]> counts(
            String units, String at, String purpose, Timestamp start, Timestamp end, String zone) {
        Map<YearMonth, int[]> byMonth = new HashMap<>();
        jdbc.sql("""
                        select to_char(%2$s at time zone :zone, 'YYYY-MM') as month, count(*)::int as judged,
                               (count(*) filter (where failed))::int as failed
                        from (%1$s) u where %2$s >= :start and %2$s < :end group by 1
                        """.formatted(units, at))
                .param("purpose", purpose)
                .param("zone", zone)
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> byMonth.put(
                        YearMonth.parse(rs.getString("month")), new int[] {rs.getInt("judged"), rs.getInt("failed")}))
                .list();
        return byMonth;
    }

    private record Nutrients(int withEnergy, BigDecimal meanKcal, int withProtein, BigDecimal meanProtein) {
        static final Nutrients NONE = new Nutrients(0, null, 0, null);

        static Nutrients of(ResultSet rs) throws SQLException {
            return new Nutrients(
                    rs.getInt("with_energy"),
                    rs.getBigDecimal("mean_kcal"),
                    rs.getInt("with_protein"),
                    rs.getBigDecimal("mean_protein"));
        }
    }

    private Map<YearMonth, Nutrients> nutrients(Timestamp start, Timestamp end, String zone) {
        return nutrients(start, end, zone, true);
    }

    /** The pools' mean energy and protein by the month each pool was made in (or over the period: key null). */
    private Map<YearMonth, Nutrients> nutrients(Timestamp start, Timestamp end, String zone, boolean byMonth) {
        Map<YearMonth, Nutrients> result = new HashMap<>();
        String month = byMonth ? "to_char(created_at at time zone :zone, 'YYYY-MM')" : "cast(null as text)";
        jdbc.sql("""
                        select %s as month, count(kcal_per_dl)::int as with_energy,
                               round(avg(kcal_per_dl), 1) as mean_kcal,
                               count(protein_g_per_dl)::int as with_protein,
                               round(avg(protein_g_per_dl), 2) as mean_protein
                        from lab_pool_nutrient_v where created_at >= :start and created_at < :end group by 1
                        """.formatted(month))
                .param("zone", zone)
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> {
                    String m = rs.getString("month");
                    return result.put(m == null ? null : YearMonth.parse(m), Nutrients.of(rs));
                })
                .list();
        return result;
    }

    /** Each donor whose milk was in a pool cultured in the period: her pools and how many failed. */
    private List<LabDashboard.DonorRate> donors(Timestamp start, Timestamp end) {
        return jdbc.sql("""
                        with cultured as (
                            select r.judged_unit_id, min(r.taken_at) as taken_at, bool_or(r.verdict = 'FAIL') as failed
                            from lab_culture_result_v r where r.purpose = 'PRE_CULTURE' group by r.judged_unit_id
                        ), donor_pool as (
                            select distinct sd.donor_id, p.judged_unit_id, p.failed
                            from cultured p
                            join lab_culture_result_v r on r.judged_unit_id = p.judged_unit_id
                                 and r.purpose = 'PRE_CULTURE'
                            join lab_sample_donor_v sd on sd.sample_id = r.id
                            where p.taken_at >= :start and p.taken_at < :end
                        )
                        select dp.donor_id, d.donor_code, count(*)::int as pools,
                               (count(*) filter (where dp.failed))::int as failed
                        from donor_pool dp join donor_trace_v d on d.id = dp.donor_id
                        group by dp.donor_id, d.donor_code
                        order by (count(*) filter (where dp.failed))::numeric / count(*) desc, count(*) desc,
                                 d.donor_code
                        """)
                .param("start", start)
                .param("end", end)
                .query((rs, n) -> new LabDashboard.DonorRate(
                        rs.getObject("donor_id", UUID.class),
                        rs.getString("donor_code"),
                        rs.getInt("pools"),
                        rs.getInt("failed")))
                .list();
    }
}
