package org.openmilkbank.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read-only counts over the milk's path for the home page and the dashboard API. */
@Service
@Transactional(readOnly = true)
public class Reporting {

    static final int SHORT_LIST = 5;

    private final JdbcClient jdbc;
    private final Clock clock;

    Reporting(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Dashboard dashboard() {
        LocalDate today = LocalDate.now(clock);
        return new Dashboard(
                today,
                rawStore(),
                pools("AWAITING_PRE_CULTURE"),
                pools("READY"),
                runs("r.state = 'QUARANTINE' and not exists (select 1 from lab_culture_v c"
                        + " where c.unit_id = r.id and c.purpose = 'POST_CULTURE' and c.verdict is not null)"),
                runs("r.state = 'CULTURE_NEGATIVE'"),
                stock("QUARANTINE", null, null),
                new Dashboard.ReleasedStock(
                        stock("RELEASED", today, today.plusDays(8)),
                        stock("RELEASED", today.plusDays(8), today.plusDays(31)),
                        stock("RELEASED", today.plusDays(31), null),
                        stock("RELEASED", null, today)),
                fedToday(today),
                screeningsAwaitingApproval(),
                serologyDue(today.plusDays(Dashboard.DUE_WITHIN_DAYS)),
                deferralsEnding(today.plusDays(Dashboard.DUE_WITHIN_DAYS)),
                pickupsOn(today),
                infantsWithConsent());
    }

    private Dashboard.Queue screeningsAwaitingApproval() {
        int count = jdbc.sql("select count(*) from donor_screening_v where state = 'AWAITING_APPROVAL'")
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select s.donor_id, s.interviewed_on, d.donor_code
                        from donor_screening_v s join donor_trace_v d on d.id = s.donor_id
                        where s.state = 'AWAITING_APPROVAL' order by s.interviewed_on, s.recorded_at limit :limit
                        """)
                .param("limit", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        rs.getString("donor_code"),
                        org.openmilkbank.shared.Said.of(
                                "home.item.screening", rs.getObject("interviewed_on", LocalDate.class)),
                        "/donors/" + rs.getObject("donor_id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    /** Panel tests whose re-test falls due on or before {@code limit} (or is already overdue). */
    private Dashboard.Queue serologyDue(LocalDate limit) {
        int count = jdbc.sql("select count(*) from donor_serology_due_v where due_on <= :limit")
                .param("limit", limit)
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select t.donor_id, t.test, t.due_on, d.donor_code
                        from donor_serology_due_v t join donor_trace_v d on d.id = t.donor_id
                        where t.due_on <= :limit order by t.due_on, d.donor_code, t.test limit :limit_rows
                        """)
                .param("limit", limit)
                .param("limit_rows", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        rs.getString("donor_code"),
                        org.openmilkbank.shared.Said.of(
                                "home.item.serologyDue",
                                org.openmilkbank.shared.Said.code("serology.test." + rs.getString("test")),
                                rs.getObject("due_on", LocalDate.class)),
                        "/donors/" + rs.getObject("donor_id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    /** Temporary deferrals still standing that end on or before {@code limit}. */
    private Dashboard.Queue deferralsEnding(LocalDate limit) {
        String where = "where f.standing and not f.permanent and f.until is not null and f.until <= :limit";
        int count = jdbc.sql("select count(*) from donor_deferral_v f " + where)
                .param("limit", limit)
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select f.donor_id, f.until, d.donor_code
                        from donor_deferral_v f join donor_trace_v d on d.id = f.donor_id
                        %s order by f.until, d.donor_code limit :limit_rows
                        """.formatted(where))
                .param("limit", limit)
                .param("limit_rows", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        rs.getString("donor_code"),
                        org.openmilkbank.shared.Said.of(
                                "home.item.deferralEnds", rs.getObject("until", LocalDate.class)),
                        "/donors/" + rs.getObject("donor_id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    /** Pick-up runs planned for the day that are not back yet (planned or on the road). */
    private Dashboard.Queue pickupsOn(LocalDate day) {
        String where = "where planned_on = :day and state in ('PLANNED', 'ON_THE_ROAD')";
        int count = jdbc.sql("select count(*) from logistics_pickup_run_v " + where)
                .param("day", day)
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql(
                        "select id, number, driver, pending_stops, stops from logistics_pickup_run_v " + where
                                + " order by number limit :limit")
                .param("day", day)
                .param("limit", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        "R" + rs.getLong("number"),
                        org.openmilkbank.shared.Said.of(
                                "home.item.pickup",
                                rs.getString("driver"),
                                rs.getInt("pending_stops"),
                                rs.getInt("stops")),
                        "/logistics/runs/" + rs.getObject("id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    /** Infants whose parents consented to donor milk, the latest consent first. */
    private Dashboard.Queue infantsWithConsent() {
        int count = jdbc.sql("select count(*) from dispensing_infant_consent_v where consent_given")
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select id, infant_code, ward from dispensing_infant_consent_v where consent_given
                        order by consent_date desc nulls last, infant_code limit :limit
                        """)
                .param("limit", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        rs.getString("infant_code"),
                        org.openmilkbank.shared.Said.of("home.item.infant", rs.getString("ward")),
                        "/infants/" + rs.getObject("id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    private Dashboard.RawStore rawStore() {
        record Totals(int containers, long volumeMl, LocalDate oldest) {}
        Totals totals = jdbc.sql("""
                        select count(*)::int as containers, coalesce(sum(volume_ml), 0) as volume_ml,
                               min(expressed_on) as oldest
                        from collection_container_v where state = 'RAW_FROZEN'
                        """)
                .query((rs, n) -> new Totals(
                        rs.getInt("containers"), rs.getLong("volume_ml"), rs.getObject("oldest", LocalDate.class)))
                .single();
        List<Dashboard.Item> oldest = jdbc.sql("""
                        select rc.din, rc.expressed_on, rc.volume_ml, d.donor_code
                        from collection_container_v rc join donor_trace_v d on d.id = rc.donor_id
                        where rc.state = 'RAW_FROZEN' order by rc.expressed_on, rc.din limit :limit
                        """)
                .param("limit", SHORT_LIST)
                .query((rs, n) -> {
                    String din = Din.parse(rs.getString("din")).withCheck();
                    return new Dashboard.Item(
                            din,
                            org.openmilkbank.shared.Said.of(
                                    "home.item.container",
                                    rs.getString("donor_code"),
                                    rs.getObject("expressed_on", LocalDate.class),
                                    rs.getInt("volume_ml")),
                            "/containers/" + din);
                })
                .list();
        return new Dashboard.RawStore(totals.containers(), totals.volumeMl(), totals.oldest(), oldest);
    }

    private Dashboard.Queue pools(String state) {
        int count = jdbc.sql("select count(*) from processing_pool_v where state = :state")
                .param("state", state)
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select id, din, volume_ml, donor_count from processing_pool_v where state = :state
                        order by created_at limit :limit
                        """)
                .param("state", state)
                .param("limit", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        Din.parse(rs.getString("din")).withCheck(),
                        org.openmilkbank.shared.Said.of(
                                "home.item.pool", rs.getInt("volume_ml"), rs.getInt("donor_count")),
                        "/pools/" + rs.getObject("id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    private Dashboard.Queue runs(String condition) {
        int count = jdbc.sql("select count(*) from pasteurization_run_v r where " + condition)
                .query(Integer.class)
                .single();
        List<Dashboard.Item> items = jdbc.sql("""
                        select r.id, p.din as pool_din, r.ended_at, r.bottle_count
                        from pasteurization_run_v r join processing_pool_v p on p.id = r.pool_id
                        where %s order by r.ended_at limit :limit
                        """.formatted(condition))
                .param("limit", SHORT_LIST)
                .query((rs, n) -> new Dashboard.Item(
                        Din.parse(rs.getString("pool_din")).withCheck(),
                        org.openmilkbank.shared.Said.of(
                                "home.item.run",
                                rs.getTimestamp("ended_at")
                                        .toInstant()
                                        .atZone(clock.getZone())
                                        .toLocalDate(),
                                rs.getInt("bottle_count")),
                        "/runs/" + rs.getObject("id", UUID.class)))
                .list();
        return new Dashboard.Queue(count, items);
    }

    /** Bottles in a state expiring on or after {@code from} and before {@code until} (either may be open). */
    private Dashboard.Stock stock(String state, LocalDate from, LocalDate until) {
        String sql = "select count(*)::int as bottles, coalesce(sum(volume_ml), 0) as volume_ml from inventory_bottle_v"
                + " where state = :state" + (from == null ? "" : " and expires_on >= :from")
                + (until == null ? "" : " and expires_on < :until");
        var query = jdbc.sql(sql).param("state", state);
        if (from != null) {
            query = query.param("from", from);
        }
        if (until != null) {
            query = query.param("until", until);
        }
        return query.query((rs, n) -> new Dashboard.Stock(rs.getInt("bottles"), rs.getLong("volume_ml")))
                .single();
    }

    private Dashboard.Feeding fedToday(LocalDate today) {
        Timestamp from = Timestamp.from(today.atStartOfDay(clock.getZone()).toInstant());
        Timestamp to =
                Timestamp.from(today.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return jdbc.sql("""
                        select count(distinct ds.infant_id)::int as infants, count(*)::int as bottles,
                               coalesce(sum(b.volume_ml), 0) as volume_ml
                        from dispensing_dispense_v ds join inventory_bottle_v b on b.id = ds.bottle_id
                        where ds.dispensed_at >= :from and ds.dispensed_at < :to and ds.returned_at is null
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new Dashboard.Feeding(rs.getInt("infants"), rs.getInt("bottles"), rs.getLong("volume_ml")))
                .single();
    }
}
