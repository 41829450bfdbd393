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
                runs("r.state = 'QUARANTINE' and r.post_culture_outcome is null"),
                runs("r.state = 'CULTURE_NEGATIVE'"),
                stock("QUARANTINE", null, null),
                new Dashboard.ReleasedStock(
                        stock("RELEASED", today, today.plusDays(8)),
                        stock("RELEASED", today.plusDays(8), today.plusDays(31)),
                        stock("RELEASED", today.plusDays(31), null),
                        stock("RELEASED", null, today)),
                fedToday(today));
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
                        where ds.dispensed_at >= :from and ds.dispensed_at < :to
                        """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) ->
                        new Dashboard.Feeding(rs.getInt("infants"), rs.getInt("bottles"), rs.getLong("volume_ml")))
                .single();
    }
}
