package org.openmilkbank.network;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openmilkbank.reporting.indicators.IndicatorSource;
import org.openmilkbank.reporting.indicators.IndicatorTable;
import org.openmilkbank.shared.PageRequest;
import org.openmilkbank.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the bank shares with the network, numbered from 1 and written in the caller's transaction: the change and
 * its entry are kept or lost together. Only aggregates (the data dictionary's indicators) are written here: no
 * names, addresses or test results.
 */
@Service
public class NetworkOutbox {

    private final JdbcClient jdbc;
    private final IndicatorSource indicators;
    private final JsonMapper json;
    private final Clock clock;

    NetworkOutbox(JdbcClient jdbc, IndicatorSource indicators, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.indicators = indicators;
        this.json = json;
        this.clock = clock;
    }

    /** An entry in the caller's transaction (there must be one); its number is the next. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long add(Map<String, ?> payload) {
        // one writer at a time takes the next number, so numbers have no holes and no doubles
        jdbc.sql("lock table network_outbox in share row exclusive mode").update();
        long next = jdbc.sql("select coalesce(max(sequence), 0) + 1 from network_outbox")
                .query(Long.class)
                .single();
        jdbc.sql("insert into network_outbox (sequence, payload, created_at) values (?, cast(? as jsonb), ?)")
                .params(next, json.writeValueAsString(payload), java.sql.Timestamp.from(clock.instant()))
                .update();
        return next;
    }

    /** The month's indicators, every breakdown and total, as one entry in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long addMonthOfIndicators(YearMonth month) {
        IndicatorTable table = indicators.byMonth(month, month).get(0);
        List<Map<String, Object>> values = table.values().stream()
                .map(v -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("code", v.code());
                    value.put("breakdown", v.breakdown());
                    value.put("value", v.value());
                    value.put("numerator", v.numerator());
                    value.put("denominator", v.denominator());
                    return value;
                })
                .toList();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", "indicators");
        payload.put("month", month.toString());
        payload.put("values", values);
        payload.put("definitions", definitions());
        return add(payload);
    }

    /**
     * What makes the month's numbers comparable (added beside {@code values}, so a hub that does not read it takes the
     * batch as before): each indicator's unit, whether it is a ratio or a rate (and of what), which way is better, and
     * the standard profile with the parameters that shape the definitions (the preterm cut-off, culture limits …).
     */
    private Map<String, Object> definitions() {
        org.openmilkbank.reporting.indicators.BankDefinitions bank = indicators.definitions();
        List<Map<String, Object>> each = indicators.dictionary().stream()
                .map(d -> {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("code", d.code());
                    one.put("unit", d.unit().name());
                    one.put("ratio", d.ratio());
                    one.put("rate", d.rate());
                    one.put("outOf", d.outOf());
                    one.put("better", d.better().name());
                    one.put("breakdowns", d.breakdowns());
                    return one;
                })
                .toList();
        Map<String, Object> definitions = new LinkedHashMap<>();
        definitions.put("profile", bank.profileCode());
        definitions.put("profileVersion", bank.profileVersion());
        definitions.put("parameters", new java.util.TreeMap<>(bank.parameters()));
        definitions.put("gestationalAgeCutOffs", bank.gestationalAgeCutOffs());
        definitions.put("indicators", each);
        return definitions;
    }

    /** What the bank has shared, newest first: each entry's number, when written and when the hub acknowledged it. */
    @Transactional(readOnly = true)
    public Paged<Entry> entries(PageRequest page) {
        long total = jdbc.sql("select count(*) from network_outbox")
                .query(Long.class)
                .single();
        List<Entry> items = jdbc.sql("""
                        select sequence, payload::text as payload, created_at, sent_at from network_outbox
                        order by sequence desc limit ? offset ?
                        """)
                .params(page.size(), page.offset())
                .query((rs, n) -> entry(rs))
                .list();
        return new Paged<>(items, page, total);
    }

    /** One entry by its number, as it was sent. */
    @Transactional(readOnly = true)
    public java.util.Optional<Entry> entry(long sequence) {
        return jdbc.sql("""
                        select sequence, payload::text as payload, created_at, sent_at from network_outbox
                        where sequence = ?
                        """).param(sequence).query((rs, n) -> entry(rs)).optional();
    }

    List<Entry> pending(int limit) {
        return jdbc.sql("""
                        select sequence, payload::text as payload, created_at, sent_at from network_outbox
                        where sent_at is null order by sequence limit ?
                        """).param(limit).query((rs, n) -> entry(rs)).list();
    }

    void markSent(long sequence) {
        jdbc.sql("update network_outbox set sent_at = ? where sequence = ? and sent_at is null")
                .params(java.sql.Timestamp.from(clock.instant()), sequence)
                .update();
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        java.sql.Timestamp sent = rs.getTimestamp("sent_at");
        return new Entry(
                rs.getLong("sequence"),
                rs.getString("payload"),
                rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }

    /**
     * One entry of the outbox.
     *
     * @param payload the JSON text as it is sent
     * @param sentAt when the hub acknowledged it, {@code null} while it waits
     */
    public record Entry(long sequence, String payload, Instant createdAt, Instant sentAt) {}
}
