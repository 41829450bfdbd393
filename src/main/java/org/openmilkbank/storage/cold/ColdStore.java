package org.openmilkbank.storage.cold;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cold chain's records, read and written with plain SQL; V170's places and stays are only read. */
@Repository
class ColdStore {

    private static final String UNIT = """
            select id, code, name, unit_type, equipment_id, retired_at is not null as retired
            from storage_place where level = 'UNIT'
            """;
    private static final String READING = """
            select id, storage_unit_id, source, read_at, current_c, min_c, max_c, import_id, recorded_at, recorded_by
            from storage_temperature_reading
            """;
    private static final String EXCURSION = """
            select e.*, su.code as storage_unit_code, su.unit_type
            from storage_excursion e join storage_place su on su.id = e.storage_unit_id
            """;

    private final JdbcClient jdbc;

    ColdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // storage units (V170)

    List<StorageUnitView> units() {
        return jdbc.sql(UNIT + " and retired_at is null order by upper(code)")
                .query(ColdStore::unit)
                .list();
    }

    StorageUnitView unit(UUID id) {
        return jdbc.sql(UNIT + " and id = :id")
                .param("id", id)
                .query(ColdStore::unit)
                .optional()
                .orElseThrow(() -> new NotFound("storage.cold.unit.notFound", id));
    }

    /** Serialises the readings of one storage unit: two at once would each open an excursion. */
    void lock(UUID storageUnitId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "storage-cold:" + storageUnitId)
                .query()
                .singleValue();
    }

    /** Every stay of milk in the storage unit that touches the window from {@code from} to {@code to}. */
    List<ExcursionWindow.Stay> stays(UUID storageUnitId, Instant from, Instant to) {
        return jdbc.sql("""
                        select unit_id, placed_at, removed_at from storage_placement
                        where storage_unit_id = :su and placed_at <= :to and (removed_at is null or removed_at > :from)
                        order by placed_at, id
                        """)
                .param("su", storageUnitId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new ExcursionWindow.Stay(
                        rs.getObject("unit_id", UUID.class),
                        rs.getTimestamp("placed_at").toInstant(),
                        instant(rs.getTimestamp("removed_at"))))
                .list();
    }

    // readings

    void insertReading(
            UUID id,
            UUID storageUnitId,
            String source,
            Instant readAt,
            BigDecimal current,
            BigDecimal min,
            BigDecimal max,
            UUID importId,
            Instant now) {
        jdbc.sql("""
                        insert into storage_temperature_reading (id, storage_unit_id, source, read_at, current_c, min_c,
                                                                 max_c, import_id, recorded_at, recorded_by)
                        values (:id, :su, :source, :at, :current, :min, :max, :import, :now, :by)
                        """)
                .param("id", id)
                .param("su", storageUnitId)
                .param("source", source)
                .param("at", Timestamp.from(readAt))
                .param("current", current)
                .param("min", min)
                .param("max", max)
                .param("import", importId)
                .param("now", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .update();
    }

    List<ReadingView> readings(UUID storageUnitId, Instant from, Instant to) {
        return jdbc.sql(READING
                        + " where storage_unit_id = :su and read_at >= :from and read_at < :to order by read_at, id")
                .param("su", storageUnitId)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(ColdStore::reading)
                .list();
    }

    List<ReadingView> latestReadings(UUID storageUnitId, int limit) {
        return jdbc.sql(READING + " where storage_unit_id = :su order by read_at desc, id limit :limit")
                .param("su", storageUnitId)
                .param("limit", limit)
                .query(ColdStore::reading)
                .list();
    }

    Optional<Instant> lastReadingBefore(UUID storageUnitId, Instant at) {
        return jdbc.sql(
                        "select max(read_at) from storage_temperature_reading where storage_unit_id = :su and read_at < :at")
                .param("su", storageUnitId)
                .param("at", Timestamp.from(at))
                .query((rs, n) -> instant(rs.getTimestamp(1)))
                .optional();
    }

    /** The read times of every storage unit from {@code from} (included) to {@code to} (excluded), by unit: one query for the work list. */
    Map<UUID, List<Instant>> readTimes(Instant from, Instant to) {
        return jdbc
                .sql("""
                        select storage_unit_id, read_at from storage_temperature_reading
                        where read_at >= :from and read_at < :to order by read_at
                        """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> Map.entry(
                        rs.getObject("storage_unit_id", UUID.class),
                        rs.getTimestamp("read_at").toInstant()))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    /** The last reading of every storage unit. */
    Map<UUID, ReadingView> lastReadings() {
        return jdbc.sql("""
                        select distinct on (storage_unit_id) id, storage_unit_id, source, read_at, current_c, min_c,
                               max_c, import_id, recorded_at, recorded_by
                        from storage_temperature_reading order by storage_unit_id, read_at desc, id
                        """).query(ColdStore::reading).list().stream()
                .collect(Collectors.toMap(ReadingView::storageUnitId, r -> r));
    }

    // logger imports

    Optional<UUID> importOfFile(String sha256) {
        return jdbc.sql("select storage_unit_id from storage_logger_import where sha256 = :sha")
                .param("sha", sha256)
                .query(UUID.class)
                .optional();
    }

    void insertImport(
            UUID id,
            UUID storageUnitId,
            String fileName,
            String sha256,
            int rows,
            int readings,
            Instant first,
            Instant last,
            String warnings,
            LoggerForm layout,
            Instant now) {
        jdbc.sql("""
                        insert into storage_logger_import (id, storage_unit_id, file_name, sha256, rows, readings,
                                                           first_at, last_at, warnings, layout, imported_at, imported_by)
                        values (:id, :su, :name, :sha, :rows, :readings, :first, :last, cast(:warnings as jsonb),
                                jsonb_build_object('delimiter', cast(:delimiter as text), 'headerRow', :headerRow,
                                                   'timeColumn', cast(:timeColumn as text),
                                                   'timeFormat', cast(:timeFormat as text),
                                                   'temperatureColumn', cast(:temperatureColumn as text),
                                                   'fahrenheit', :fahrenheit, 'decimalComma', :decimalComma),
                                :now, :by)
                        """)
                .param("id", id)
                .param("su", storageUnitId)
                .param("name", fileName)
                .param("sha", sha256)
                .param("rows", rows)
                .param("readings", readings)
                .param("first", Timestamp.from(first))
                .param("last", Timestamp.from(last))
                .param("warnings", warnings)
                .param("delimiter", layout.delimiter())
                .param("headerRow", layout.headerRow())
                .param("timeColumn", layout.timeColumn().strip())
                .param("timeFormat", layout.timeFormat().strip())
                .param("temperatureColumn", layout.temperatureColumn().strip())
                .param("fahrenheit", Boolean.TRUE.equals(layout.fahrenheit()))
                .param("decimalComma", Boolean.TRUE.equals(layout.decimalComma()))
                .param("now", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .update();
    }

    /** How the storage unit's latest logger file was read, if one was read since that was kept. */
    Optional<LoggerForm> lastLayout(UUID storageUnitId) {
        return jdbc.sql("""
                        select layout->>'delimiter' as delimiter, (layout->>'headerRow')::int as header_row,
                               layout->>'timeColumn' as time_column, layout->>'timeFormat' as time_format,
                               layout->>'temperatureColumn' as temperature_column,
                               (layout->>'fahrenheit')::boolean as fahrenheit,
                               (layout->>'decimalComma')::boolean as decimal_comma
                        from storage_logger_import
                        where storage_unit_id = :su and layout is not null
                        order by imported_at desc limit 1
                        """)
                .param("su", storageUnitId)
                .query((rs, n) -> new LoggerForm(
                        null,
                        rs.getString("delimiter"),
                        rs.getInt("header_row"),
                        rs.getString("time_column"),
                        rs.getString("time_format"),
                        rs.getString("temperature_column"),
                        rs.getBoolean("fahrenheit"),
                        rs.getBoolean("decimal_comma")))
                .optional();
    }

    // excursions

    Optional<Excursion> openExcursion(UUID storageUnitId) {
        return jdbc.sql(EXCURSION + " where e.storage_unit_id = :su and e.ended_at is null")
                .param("su", storageUnitId)
                .query(ColdStore::excursion)
                .optional();
    }

    Optional<Excursion> excursion(UUID id) {
        return jdbc.sql(EXCURSION + " where e.id = :id")
                .param("id", id)
                .query(ColdStore::excursion)
                .optional();
    }

    List<Excursion> excursionsOf(UUID storageUnitId) {
        return jdbc.sql(EXCURSION + " where e.storage_unit_id = :su order by e.started_at desc")
                .param("su", storageUnitId)
                .query(ColdStore::excursion)
                .list();
    }

    /** Excursions still open, alarms not yet acknowledged, or milk not yet decided: newest first. */
    List<Excursion> excursionsNeedingAttention() {
        return jdbc.sql(EXCURSION + """
                         where e.ended_at is null or e.acknowledged_at is null
                            or exists (select 1 from storage_excursion_unit x
                                        where x.excursion_id = e.id and x.decision is null)
                         order by e.started_at desc
                        """).query(ColdStore::excursion).list();
    }

    void insert(Excursion e) {
        jdbc.sql("""
                        insert into storage_excursion (id, storage_unit_id, opened_how, started_at, ended_at, peak_c,
                            minutes_above, level, alarm_above_c, hold_above_c, hold_after_minutes, discard_at_c,
                            last_point_at, last_point_above, above_hold_since, held_at, discard_from, reason,
                            opened_at, opened_by)
                        values (:id, :su, :how, :started, :ended, :peak, :minutes, :level, :alarm, :hold, :holdMinutes,
                            :discard, :last, :lastAbove, :aboveHold, :held, :discardFrom, :reason, :openedAt, :openedBy)
                        """)
                .param("id", e.id())
                .param("su", e.storageUnitId())
                .param("how", e.openedHow().name())
                .param("alarm", e.rules().alarmAboveC())
                .param("hold", e.rules().holdAboveC())
                .param("holdMinutes", e.rules().holdAfterMinutes())
                .param("discard", e.rules().discardAtC())
                .param("reason", e.reason())
                .param("openedAt", Timestamp.from(e.openedAt()))
                .param("openedBy", e.openedBy())
                .params(track(e.track()))
                .update();
    }

    void update(Excursion e) {
        int changed = jdbc.sql("""
                        update storage_excursion set ended_at = :ended, peak_c = :peak, minutes_above = :minutes,
                            level = :level, last_point_at = :last, last_point_above = :lastAbove,
                            above_hold_since = :aboveHold, held_at = :held, discard_from = :discardFrom,
                            acknowledged_at = :ackAt, acknowledged_by = :ackBy, acknowledge_note = :ackNote,
                            version = version + 1
                        where id = :id and version = :version
                        """)
                .param("id", e.id())
                .param("version", e.version())
                .param("ackAt", e.acknowledgedAt() == null ? null : Timestamp.from(e.acknowledgedAt()))
                .param("ackBy", e.acknowledgedBy())
                .param("ackNote", e.acknowledgeNote())
                .params(track(e.track()))
                .update();
        if (changed != 1) {
            throw new RuleViolation("storage.cold.excursion.changedMeanwhile");
        }
        e.saved();
    }

    List<ExcursionView.HeldUnit> heldUnits(UUID excursionId) {
        return jdbc.sql("""
                        select x.*, u.din, u.code, u.kind from storage_excursion_unit x
                        join milk_unit u on u.id = x.unit_id
                        where x.excursion_id = :id order by x.inside_from, u.din, u.code
                        """)
                .param("id", excursionId)
                .query((rs, n) -> new ExcursionView.HeldUnit(
                        rs.getObject("unit_id", UUID.class),
                        label(rs.getString("din"), rs.getString("code")),
                        rs.getString("kind"),
                        rs.getTimestamp("inside_from").toInstant(),
                        instant(rs.getTimestamp("inside_to")),
                        rs.getObject("hold_id", UUID.class),
                        rs.getBoolean("must_discard"),
                        rs.getString("decision") == null ? null : ExcursionDecision.valueOf(rs.getString("decision")),
                        instant(rs.getTimestamp("decided_at")),
                        rs.getString("decided_by"),
                        rs.getString("decision_reason")))
                .list();
    }

    void insertHeldUnit(UUID excursionId, ExcursionWindow.Inside inside, UUID holdId, boolean mustDiscard) {
        jdbc.sql("""
                        insert into storage_excursion_unit (excursion_id, unit_id, inside_from, inside_to, hold_id,
                                                            must_discard)
                        values (:e, :unit, :from, :to, :hold, :discard)
                        """)
                .param("e", excursionId)
                .param("unit", inside.unitId())
                .param("from", Timestamp.from(inside.from()))
                .param("to", inside.to() == null ? null : Timestamp.from(inside.to()))
                .param("hold", holdId)
                .param("discard", mustDiscard)
                .update();
    }

    void markMustDiscard(UUID excursionId, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update storage_excursion_unit set must_discard = true
                        where excursion_id = :e and unit_id = any(cast(:ids as uuid[])) and decision is null
                        """)
                .param("e", excursionId)
                .param("ids", unitIds.toArray(UUID[]::new))
                .update();
    }

    void decide(UUID excursionId, UUID unitId, ExcursionDecision decision, String reason, Instant now) {
        jdbc.sql("""
                        update storage_excursion_unit set decision = :decision, decided_at = :at, decided_by = :by,
                            decision_reason = :reason
                        where excursion_id = :e and unit_id = :unit and decision is null
                        """)
                .param("decision", decision.name())
                .param("at", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .param("reason", reason)
                .param("e", excursionId)
                .param("unit", unitId)
                .update();
    }

    private static Map<String, Object> track(ExcursionTracker.Track t) {
        java.util.HashMap<String, Object> p = new java.util.HashMap<>();
        p.put("started", Timestamp.from(t.startedAt()));
        p.put("ended", t.endedAt() == null ? null : Timestamp.from(t.endedAt()));
        p.put("peak", t.peak());
        p.put("minutes", (int) Math.min(Integer.MAX_VALUE, t.minutesAbove()));
        p.put("level", t.level().name());
        p.put("last", Timestamp.from(t.lastPointAt()));
        p.put("lastAbove", t.lastPointAbove());
        p.put("aboveHold", t.aboveHoldSince() == null ? null : Timestamp.from(t.aboveHoldSince()));
        p.put("held", t.heldAt() == null ? null : Timestamp.from(t.heldAt()));
        p.put("discardFrom", t.discardFrom() == null ? null : Timestamp.from(t.discardFrom()));
        return p;
    }

    private static StorageUnitView unit(ResultSet rs, int n) throws SQLException {
        return new StorageUnitView(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("unit_type"),
                rs.getObject("equipment_id", UUID.class),
                rs.getBoolean("retired"));
    }

    private static ReadingView reading(ResultSet rs, int n) throws SQLException {
        return new ReadingView(
                rs.getObject("id", UUID.class),
                rs.getObject("storage_unit_id", UUID.class),
                rs.getString("source"),
                rs.getTimestamp("read_at").toInstant(),
                rs.getBigDecimal("current_c"),
                rs.getBigDecimal("min_c"),
                rs.getBigDecimal("max_c"),
                rs.getObject("import_id", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"));
    }

    private static Excursion excursion(ResultSet rs, int n) throws SQLException {
        ExcursionTracker.Track track = new ExcursionTracker.Track(
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("ended_at")),
                rs.getBigDecimal("peak_c"),
                rs.getInt("minutes_above"),
                ExcursionLevel.valueOf(rs.getString("level")),
                rs.getTimestamp("last_point_at").toInstant(),
                rs.getBoolean("last_point_above"),
                instant(rs.getTimestamp("above_hold_since")),
                instant(rs.getTimestamp("held_at")),
                instant(rs.getTimestamp("discard_from")));
        return new Excursion(
                rs.getObject("id", UUID.class),
                rs.getObject("storage_unit_id", UUID.class),
                rs.getString("storage_unit_code"),
                rs.getString("unit_type"),
                OpenedHow.valueOf(rs.getString("opened_how")),
                new ColdRules(
                        rs.getBigDecimal("alarm_above_c"),
                        rs.getBigDecimal("hold_above_c"),
                        rs.getInt("hold_after_minutes"),
                        rs.getBigDecimal("discard_at_c")),
                track,
                instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"),
                rs.getString("acknowledge_note"),
                rs.getString("reason"),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"),
                rs.getLong("version"));
    }

    static String label(String din, String code) {
        if (din != null) {
            try {
                return org.openmilkbank.shared.Din.parse(din).withCheck();
            } catch (RuntimeException notADin) {
                return din;
            }
        }
        return code;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
