package org.openmilkbank.network;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The hub's de-identified unit-level events of its banks (payload kind {@code events}): kept by
 * {@code UnitEventsProjection} as each batch is accepted, counted by type for a bank and month.
 */
@Service
public class UnitEvents {

    /** How far from now a month gets a partition of its own; others fall into the default partition. */
    private static final int PARTITION_YEARS_BACK = 5;

    private static final tools.jackson.databind.json.JsonMapper SUMMARY_JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    UnitEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One type of event in a bank's month.
     *
     * @param type the lineage event type ({@code RECEIVED}, {@code DISCARDED} …), as the bank sent it
     * @param events how many events of the type
     * @param units how many distinct units (pseudonyms) they happened to
     * @param volumeMl the volume of the events that name one, {@code 0} when none does
     */
    public record TypeCount(String type, long events, long units, long volumeMl) {}

    /** The bank's events of the month (its own months) counted by type, types in alphabetical order. */
    @Transactional(readOnly = true)
    public List<TypeCount> countsByType(String facilityCode, YearMonth month) {
        return jdbc.sql("""
                        select type, count(*) as events, count(distinct unit) as units,
                            coalesce(sum(volume_ml), 0) as volume_ml
                        from network_unit_event where facility_code = ? and occurred_month = ?
                        group by type order by type
                        """)
                .params(facilityCode, month.atDay(1))
                .query((rs, n) -> new TypeCount(
                        rs.getString("type"), rs.getLong("events"), rs.getLong("units"), rs.getLong("volume_ml")))
                .list();
    }

    /** Refused ({@code network.events.bank.unknown}, 404) when no such bank is registered at this hub. */
    @Transactional(readOnly = true)
    public List<TypeCount> countsByTypeOfRegistered(String facilityCode, YearMonth month) {
        boolean known = jdbc.sql("select exists (select 1 from network_bank where facility_code = ?)")
                .param(facilityCode)
                .query(Boolean.class)
                .single();
        if (!known) {
            throw new NotFound("network.events.bank.unknown", facilityCode);
        }
        return countsByType(facilityCode, month);
    }

    /**
     * What an outbox entry of events says in a line, for the bank's list of what it shared: "12 events of 2026-03"
     * ({@code network.outbox.events.summary}); empty for an entry of another kind.
     */
    public static java.util.Optional<Said> summaryOf(String payload) {
        JsonNode root;
        try {
            root = SUMMARY_JSON.readTree(payload);
        } catch (tools.jackson.core.JacksonException e) {
            return java.util.Optional.empty();
        }
        if (!UnitEventsWriter.KIND.equals(root.path("kind").asText())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Said.of(
                "network.outbox.events.summary",
                root.path("count").asLong(root.path("events").size()),
                root.path("month").asText("")));
    }

    /** A month as typed ({@code 2026-03}); refused ({@code network.events.month.invalid}) otherwise. */
    public static YearMonth month(String typed) {
        try {
            return YearMonth.parse(typed == null ? "" : typed.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("network.events.month.invalid", typed == null ? "" : typed).on("month");
        }
    }

    /**
     * Keeps each event of the batch; only the fields of a shared event are read (a unit kind, product or reason only
     * when it is a code), anything else the payload holds is left in the batch as it came. Refused ({@code network.events.invalid}) when an event lacks its type, unit,
     * hour or month, so a batch is kept whole or not at all.
     */
    void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload) {
        JsonNode events = payload.path("events");
        if (!events.isArray()) {
            throw new RuleViolation("network.events.invalid", sequence);
        }
        int ordinal = 0;
        java.util.Set<YearMonth> ensured = new java.util.HashSet<>();
        for (JsonNode e : events) {
            String type = text(e, "type");
            String unit = text(e, "unit");
            Instant at;
            YearMonth month;
            try {
                at = UnitEventPolicy.hour(Instant.parse(text(e, "at")));
                month = YearMonth.parse(text(e, "month"));
            } catch (DateTimeParseException | NullPointerException ex) {
                throw new RuleViolation("network.events.invalid", sequence);
            }
            if (type == null || unit == null || type.length() > 40 || unit.length() > 128) {
                throw new RuleViolation("network.events.invalid", sequence);
            }
            if (ensured.add(month)) {
                ensurePartition(month);
            }
            jdbc.sql("""
                            insert into network_unit_event (facility_code, occurred_month, occurred_at, unit, type,
                                unit_kind, volume_ml, product, reason_code, batch_sequence, ordinal)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            facilityCode,
                            month.atDay(1),
                            Timestamp.from(at),
                            unit,
                            type,
                            coded(text(e, "unitKind"), 40),
                            volume(e),
                            coded(text(e, "product"), 40),
                            coded(text(e, "reason"), 120),
                            sequence,
                            ordinal++)
                    .update();
        }
    }

    /**
     * The month's own partition when it is near enough to now (a bank's wrong clock goes to the default one); made
     * by {@code network_partitions_ahead} (V235), which first moves any rows of the month the default one took.
     */
    private void ensurePartition(YearMonth month) {
        YearMonth now = YearMonth.now(clock);
        if (month.isBefore(now.minusYears(PARTITION_YEARS_BACK)) || month.isAfter(now.plusMonths(12))) {
            return;
        }
        String name = String.format("network_unit_event_y%04dm%02d", month.getYear(), month.getMonthValue());
        if (exists(name)) {
            return;
        }
        // one maker of partitions at a time
        jdbc.sql("select pg_advisory_xact_lock(hashtext('network_unit_event partitions'))")
                .query((rs, n) -> 1)
                .list();
        if (!exists(name)) {
            LocalDate first = month.atDay(1);
            jdbc.sql("select network_partitions_ahead('network_unit_event', 'occurred_month', ?, ?)")
                    .params(first, first)
                    .query((rs, n) -> 1)
                    .list();
        }
    }

    private boolean exists(String table) {
        return jdbc.sql("select to_regclass(?) is not null")
                .param(table)
                .query(Boolean.class)
                .single();
    }

    private static String text(JsonNode e, String field) {
        JsonNode v = e.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    /** A code as a bank sends it (letters, digits, dots, dashes); anything else, words typed somewhere, is not kept. */
    private static String coded(String s, int max) {
        return s != null && s.length() <= max && CODE.matcher(s).matches() ? s : null;
    }

    private static Integer volume(JsonNode e) {
        JsonNode v = e.path("volumeMl");
        return v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() <= Integer.MAX_VALUE ? v.asInt() : null;
    }
}
