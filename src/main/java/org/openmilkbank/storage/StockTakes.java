package org.openmilkbank.storage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock takes: a place chosen, every unit found in it scanned, then finished: the missing and the extra units are
 * kept as differences, each explained once with a coded reason and a note (an extra one may be put into the place
 * by the same act; a missing one stays recorded as missing). Nothing is deleted.
 */
@Service
@Transactional
public class StockTakes {

    public static final String STOCK_TAKE = "StockTake";

    private final Places places;
    private final PutAway putAway;
    private final History history;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockTakes(Places places, PutAway putAway, History history, JdbcClient jdbc, Clock clock) {
        this.places = places;
        this.putAway = putAway;
        this.history = history;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public StockTakeView start(UUID placeId) {
        PlaceView place = places.find(placeId).orElseThrow(() -> new NotFound("storage.place.notFound"));
        if (place.retired()) {
            throw new RuleViolation("storage.place.retired", place.code());
        }
        if (place.level() == PlaceLevel.POSITION) {
            throw new RuleViolation("storage.stockTake.position", place.code());
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into storage_stock_take (id, place_id, status, started_at, started_by)
                        values (:id, :place, 'OPEN', :at, :by)
                        """)
                .param("id", id)
                .param("place", placeId)
                .param("at", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .update();
        history.record(STOCK_TAKE, id, Said.of("storage.history.stockTakeStarted", place.path()));
        return view(id);
    }

    /** A unit found in the place, as scanned; scanning it twice is refused with a message, nothing changes. */
    public StockTakeView scan(UUID id, String code) {
        Take take = lockOpen(id);
        PutAway.UnitOnPath unit = putAway.unit(code);
        boolean seen = jdbc.sql(
                        "select count(*) > 0 from storage_stock_take_scan where stock_take_id = :id and unit_id = :unit")
                .param("id", take.id())
                .param("unit", unit.id())
                .query(Boolean.class)
                .single();
        if (seen) {
            throw new RuleViolation("storage.stockTake.alreadyScanned", unit.label()).on("code");
        }
        jdbc.sql("""
                        insert into storage_stock_take_scan (id, stock_take_id, unit_id, scanned_at, scanned_by)
                        values (:id, :take, :unit, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("take", take.id())
                .param("unit", unit.id())
                .param("at", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .update();
        return view(id);
    }

    /** Ends the count: what the records expect in the place and was not scanned is missing, the rest scanned extra. */
    public StockTakeView finish(UUID id) {
        Take take = lockOpen(id);
        List<UUID> inside = places.subtreeIds(take.placeId());
        Map<UUID, UUID> expected = jdbc
                .sql("""
                        select unit_id, place_id from storage_placement
                        where removed_at is null and place_id = any(cast(:ids as uuid[]))
                        """)
                .param("ids", inside.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("unit_id", UUID.class), rs.getObject("place_id", UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<UUID> scanned = new LinkedHashSet<>(
                jdbc.sql("select unit_id from storage_stock_take_scan where stock_take_id = :id order by scanned_at")
                        .param("id", id)
                        .query(UUID.class)
                        .list());
        int missing = 0;
        for (Map.Entry<UUID, UUID> e : expected.entrySet()) {
            if (!scanned.contains(e.getKey())) {
                difference(id, e.getKey(), StockTakeView.DifferenceKind.MISSING, e.getValue());
                missing++;
            }
        }
        int extra = 0;
        for (UUID unit : scanned) {
            if (!expected.containsKey(unit)) {
                UUID elsewhere = jdbc.sql(
                                "select place_id from storage_placement where unit_id = :u and removed_at is null")
                        .param("u", unit)
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
                difference(id, unit, StockTakeView.DifferenceKind.EXTRA, elsewhere);
                extra++;
            }
        }
        jdbc.sql("""
                        update storage_stock_take set status = 'FINISHED', finished_at = :at, finished_by = :by,
                               version = version + 1
                        where id = :id
                        """)
                .param("id", id)
                .param("at", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .update();
        history.record(
                STOCK_TAKE,
                id,
                Said.of(
                        "storage.history.stockTakeFinished",
                        places.path(take.placeId()),
                        scanned.size(),
                        missing,
                        extra));
        return view(id);
    }

    /** Explains one difference, once; an extra unit may be put into the counted place by the same act. */
    public StockTakeView explain(UUID id, UUID differenceId, StockTakeExplanation explanation) {
        Take take = lockTake(id);
        if (take.status() != StockTakeView.Status.FINISHED) {
            throw new RuleViolation("storage.stockTake.notFinished");
        }
        if (explanation == null || explanation.reason() == null) {
            throw new RuleViolation("storage.stockTake.reasonRequired").on("reason");
        }
        String note = explanation.note() == null || explanation.note().isBlank()
                ? null
                : explanation.note().strip();
        if (note != null && note.length() > TextLimits.NOTE) {
            throw new RuleViolation("storage.tooLong", TextLimits.NOTE).on("note");
        }
        if (explanation.reason() == StockTakeReason.OTHER && note == null) {
            throw new RuleViolation("storage.stockTake.noteRequired").on("note");
        }
        StockTakeView.Difference d = view(id).differences().stream()
                .filter(x -> x.id().equals(differenceId))
                .findFirst()
                .orElseThrow(() -> new NotFound("storage.stockTake.differenceNotFound"));
        if (d.explained()) {
            throw new RuleViolation("storage.stockTake.alreadyExplained", d.label());
        }
        if (explanation.moveHere()) {
            if (d.kind() != StockTakeView.DifferenceKind.EXTRA) {
                throw new RuleViolation("storage.stockTake.moveOnlyExtra", d.label()).on("moveHere");
            }
            putAway.store(d.unitId(), take.placeId());
        }
        jdbc.sql("""
                        update storage_stock_take_difference
                        set reason_code = :reason, note = :note, moved_here = :moved, explained_at = :at,
                            explained_by = :by, version = version + 1
                        where id = :id and explained_at is null
                        """)
                .param("id", differenceId)
                .param("reason", explanation.reason().name())
                .param("note", note)
                .param("moved", explanation.moveHere())
                .param("at", Timestamp.from(now()))
                .param("by", CurrentActor.username())
                .update();
        history.recordCoded(
                STOCK_TAKE,
                id,
                Said.of(
                        "storage.history.differenceExplained",
                        d.label(),
                        Said.label(d.kind()),
                        Said.label(explanation.reason()),
                        explanation.moveHere() ? Said.code("storage.stockTake.movedHere") : "—"),
                explanation.reason().name(),
                note);
        return view(id);
    }

    @Transactional(readOnly = true)
    public StockTakeView view(UUID id) {
        Map<String, Object> row =
                jdbc
                        .sql("select * from storage_stock_take where id = :id")
                        .param("id", id)
                        .query()
                        .listOfRows()
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFound("storage.stockTake.notFound"));
        Take take = new Take(id, (UUID) row.get("place_id"), StockTakeView.Status.valueOf((String) row.get("status")));
        List<StockTakeView.Scanned> scanned = jdbc.sql("""
                        select s.unit_id, u.din, u.code, s.scanned_at, s.scanned_by
                        from storage_stock_take_scan s join milk_unit u on u.id = s.unit_id
                        where s.stock_take_id = :id order by s.scanned_at desc, u.din
                        """)
                .param("id", id)
                .query((rs, n) -> new StockTakeView.Scanned(
                        rs.getObject("unit_id", UUID.class),
                        Places.label(rs.getString("din"), rs.getString("code")),
                        rs.getTimestamp("scanned_at").toInstant(),
                        rs.getString("scanned_by")))
                .list();
        List<StockTakeView.Difference> differences = jdbc.sql("""
                        select d.*, u.din, u.code,
                               case when d.expected_place_id is null then null
                                    else storage_place_path(d.expected_place_id) end as expected_path
                        from storage_stock_take_difference d join milk_unit u on u.id = d.unit_id
                        where d.stock_take_id = :id order by d.kind, u.din
                        """)
                .param("id", id)
                .query((rs, n) -> new StockTakeView.Difference(
                        rs.getObject("id", UUID.class),
                        rs.getObject("unit_id", UUID.class),
                        Places.label(rs.getString("din"), rs.getString("code")),
                        StockTakeView.DifferenceKind.valueOf(rs.getString("kind")),
                        rs.getString("expected_path"),
                        rs.getString("reason_code") == null
                                ? null
                                : StockTakeReason.valueOf(rs.getString("reason_code")),
                        rs.getString("note"),
                        rs.getBoolean("moved_here"),
                        rs.getTimestamp("explained_at") == null
                                ? null
                                : rs.getTimestamp("explained_at").toInstant(),
                        rs.getString("explained_by")))
                .list();
        int expected = take.status() == StockTakeView.Status.OPEN
                ? places.holdsWithin(take.placeId())
                : (int) (scanned.size()
                        - differences.stream()
                                .filter(d -> d.kind() == StockTakeView.DifferenceKind.EXTRA)
                                .count()
                        + differences.stream()
                                .filter(d -> d.kind() == StockTakeView.DifferenceKind.MISSING)
                                .count());
        return new StockTakeView(
                id,
                take.placeId(),
                places.path(take.placeId()),
                take.status(),
                ((java.sql.Timestamp) row.get("started_at")).toInstant(),
                (String) row.get("started_by"),
                row.get("finished_at") == null ? null : ((java.sql.Timestamp) row.get("finished_at")).toInstant(),
                (String) row.get("finished_by"),
                expected,
                scanned,
                differences);
    }

    /** The stock takes of a place and of the places inside it, latest first. */
    @Transactional(readOnly = true)
    public List<StockTakeView> ofPlace(UUID placeId) {
        return jdbc
                .sql("select id from storage_stock_take where place_id = any(cast(:ids as uuid[]))"
                        + " order by started_at desc limit 20")
                .param("ids", places.subtreeIds(placeId).toArray(UUID[]::new))
                .query(UUID.class)
                .list()
                .stream()
                .map(this::view)
                .toList();
    }

    private void difference(UUID take, UUID unit, StockTakeView.DifferenceKind kind, UUID expectedPlace) {
        jdbc.sql("""
                        insert into storage_stock_take_difference (id, stock_take_id, unit_id, kind, expected_place_id)
                        values (:id, :take, :unit, :kind, :place)
                        """)
                .param("id", UUID.randomUUID())
                .param("take", take)
                .param("unit", unit)
                .param("kind", kind.name())
                .param("place", expectedPlace)
                .update();
    }

    private record Take(UUID id, UUID placeId, StockTakeView.Status status) {}

    private static Take take(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Take(
                rs.getObject("id", UUID.class),
                rs.getObject("place_id", UUID.class),
                StockTakeView.Status.valueOf(rs.getString("status")));
    }

    /** Why: a scan and the finish racing; the finish counts every scan committed before it. */
    private Take lockTake(UUID id) {
        return jdbc.sql("select * from storage_stock_take where id = :id for update")
                .param("id", id)
                .query(StockTakes::take)
                .optional()
                .orElseThrow(() -> new NotFound("storage.stockTake.notFound"));
    }

    private Take lockOpen(UUID id) {
        Take take = lockTake(id);
        if (take.status() != StockTakeView.Status.OPEN) {
            throw new RuleViolation("storage.stockTake.finished");
        }
        return take;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
