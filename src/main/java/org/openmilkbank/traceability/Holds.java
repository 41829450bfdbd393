package org.openmilkbank.traceability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;

/**
 * Holds: one concept beside every unit's lifecycle state. A unit is usable only when neither it nor any ancestor
 * has an active hold and no donor window covers a container it came from. Holds are placed and ended here only,
 * each under the advisory locks the {@link MilkGate} takes in shared mode (donor first, then units in order), so
 * a step racing a hold either finished before it or sees it.
 */
@Service
@Transactional(readOnly = true)
public class Holds {

    static final String SELECT = """
            select h.id, h.kind, h.scope, h.unit_id, h.donor_id, h.window_from, h.window_to, h.reason_code,
                   h.reason_args, h.detail_ref, h.recall_id, h.placed_at, h.placed_by, h.ended_at, h.ended_by,
                   h.end_reason, h.outcome, u.din as unit_din, u.code as unit_code
            from milk_hold h left join milk_unit u on u.id = h.unit_id
            """;

    private final JdbcClient jdbc;
    private final MilkLocks locks;
    private final LineageWriter lineage;
    private final Clock clock;

    Holds(JdbcClient jdbc, MilkLocks locks, LineageWriter lineage, Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.lineage = lineage;
        this.clock = clock;
    }

    /** Places one hold on each unit (and so on everything made from it); returns the holds' ids. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> placeOnUnits(
            HoldKind kind, Collection<UUID> unitIds, String reasonCode, List<?> args, String detailRef, UUID recallId) {
        Objects.requireNonNull(kind);
        requireCode(reasonCode);
        locks.exclusiveUnits(unitIds);
        Instant now = Instant.now(clock);
        List<UUID> ids = new ArrayList<>();
        for (UUID unitId : unitIds.stream().distinct().sorted().toList()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into milk_hold (id, kind, scope, unit_id, reason_code, reason_args, detail_ref,
                                                   recall_id, placed_at, placed_by)
                            values (:id, :kind, 'UNIT', :unit, :code, cast(:args as jsonb), :ref, :recall, :at, :by)
                            """)
                    .param("id", id)
                    .param("kind", kind.name())
                    .param("unit", unitId)
                    .param("code", reasonCode)
                    .param("args", json(args))
                    .param("ref", detailRef)
                    .param("recall", recallId)
                    .param("at", Timestamp.from(now))
                    .param("by", CurrentActor.username())
                    .update();
            lineage.appendEvent(new MilkHandling.Happened(
                    unitId,
                    MilkEventType.HOLD_PLACED,
                    now,
                    null,
                    reasonCode,
                    null,
                    Map.of("hold", id.toString(), "kind", kind.name())));
            ids.add(id);
        }
        return ids;
    }

    /**
     * Places one hold of that kind on each unit that never had one (active or ended), under the units' locks, so that
     * two callers finding the same unit place it once; returns the units newly held.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> placeOnceOnUnits(HoldKind kind, Collection<UUID> unitIds, String reasonCode) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        locks.exclusiveUnits(unitIds);
        List<UUID> already = jdbc.sql("""
                        select distinct unit_id from milk_hold
                        where kind = :kind and scope = 'UNIT' and unit_id in (:units)
                        """)
                .param("kind", kind.name())
                .param("units", unitIds.stream().distinct().toList())
                .query(UUID.class)
                .list();
        List<UUID> fresh = unitIds.stream()
                .distinct()
                .filter(id -> !already.contains(id))
                .sorted()
                .toList();
        if (!fresh.isEmpty()) {
            placeOnUnits(kind, fresh, reasonCode, List.of(), null, null);
        }
        return fresh;
    }

    /**
     * Places a hold on every container of the donor expressed within the window (both ends inclusive, either
     * open): milk already in the bank and milk that arrives later alike.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID placeOnDonorWindow(
            HoldKind kind, UUID donorId, LocalDate from, LocalDate to, String reasonCode, String detailRef) {
        return placeOnDonorWindow(kind, donorId, from, to, reasonCode, detailRef, null);
    }

    /** The same, for a recall: the window is one of the recall's holds and ends when its case closes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID placeOnDonorWindow(
            HoldKind kind,
            UUID donorId,
            LocalDate from,
            LocalDate to,
            String reasonCode,
            String detailRef,
            UUID recallId) {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(donorId);
        requireCode(reasonCode);
        if (from != null && to != null && to.isBefore(from)) {
            throw new RuleViolation("hold.window.endsBeforeStart", from, to);
        }
        locks.exclusiveDonor(donorId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into milk_hold (id, kind, scope, donor_id, window_from, window_to, reason_code,
                                               detail_ref, recall_id, placed_at, placed_by)
                        values (:id, :kind, 'DONOR_WINDOW', :donor, :from, :to, :code, :ref, :recall, :at, :by)
                        """)
                .param("id", id)
                .param("recall", recallId)
                .param("kind", kind.name())
                .param("donor", donorId)
                .param("from", from)
                .param("to", to)
                .param("code", reasonCode)
                .param("ref", detailRef)
                .param("at", Timestamp.from(Instant.now(clock)))
                .param("by", CurrentActor.username())
                .update();
        return id;
    }

    /** Ends a hold with its outcome and the reason; an ended hold cannot end again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public HoldView end(UUID holdId, HoldOutcome outcome, String reason) {
        HoldView hold = find(holdId).orElseThrow(() -> new org.openmilkbank.shared.NotFound("hold.notFound", holdId));
        if (!hold.active()) {
            throw new RuleViolation("hold.alreadyEnded", hold.endedAt());
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("history.reason.required");
        }
        if (hold.scope() == HoldScope.DONOR_WINDOW) {
            locks.exclusiveDonor(hold.donorId());
        } else {
            locks.exclusiveUnits(List.of(hold.unitId()));
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        update milk_hold set ended_at = :at, ended_by = :by, end_reason = :reason, outcome = :outcome
                        where id = :id and ended_at is null
                        """)
                .param("at", Timestamp.from(now))
                .param("by", CurrentActor.username())
                .param("reason", reason.strip())
                .param("outcome", outcome.name())
                .param("id", holdId)
                .update();
        if (hold.unitId() != null) {
            lineage.appendEvent(new MilkHandling.Happened(
                    hold.unitId(),
                    MilkEventType.HOLD_ENDED,
                    now,
                    null,
                    hold.reasonCode(),
                    null,
                    Map.of("hold", holdId.toString(), "outcome", outcome.name())));
        }
        return find(holdId).orElseThrow();
    }

    /**
     * Ends the active holds of the given kinds that rest on the clinical record (a deferral lifted ends only what
     * it held until cleared; a deferral or result voided ends everything resting on it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HoldView> endResting(String detailRef, Collection<HoldKind> kinds, HoldOutcome outcome, String reason) {
        List<UUID> ids = jdbc.sql("""
                        select id from milk_hold
                        where detail_ref = :ref and ended_at is null and kind in (:kinds) order by id
                        """)
                .param("ref", detailRef)
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(UUID.class)
                .list();
        return ids.stream().map(id -> end(id, outcome, reason)).toList();
    }

    /** Ends the unit's own active holds of that kind (e.g. the culture hold when the culture passed). */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<HoldView> endOnUnit(UUID unitId, HoldKind kind, HoldOutcome outcome, String reason) {
        List<UUID> ids = jdbc.sql("""
                        select id from milk_hold where unit_id = :unit and kind = :kind and ended_at is null order by id
                        """)
                .param("unit", unitId)
                .param("kind", kind.name())
                .query(UUID.class)
                .list();
        return ids.stream().map(id -> end(id, outcome, reason)).toList();
    }

    public java.util.Optional<HoldView> find(UUID holdId) {
        return jdbc.sql(SELECT + " where h.id = :id")
                .param("id", holdId)
                .query((rs, n) -> view(rs, null))
                .optional();
    }

    /** The active holds that keep this unit out of use: its own, its ancestors', and donor windows. */
    public List<HoldView> activeOn(UUID unitId) {
        return activeOn(List.of(unitId)).getOrDefault(unitId, List.of());
    }

    /** The active holds of many units at once (for lists and badges): one query, no per-row walks. */
    public Map<UUID, List<HoldView>> activeOn(Collection<UUID> unitIds) {
        Map<UUID, List<HoldView>> byUnit = new LinkedHashMap<>();
        if (unitIds == null || unitIds.isEmpty()) {
            return byUnit;
        }
        jdbc.sql("""
                        select a.unit_id as for_unit, a.held_unit_id, h.id, h.kind, h.scope, h.unit_id, h.donor_id,
                               h.window_from, h.window_to, h.reason_code, h.reason_args, h.detail_ref, h.recall_id,
                               h.placed_at, h.placed_by, h.ended_at, h.ended_by, h.end_reason, h.outcome,
                               u.din as unit_din, u.code as unit_code
                        from milk_active_holds(cast(:ids as uuid[])) a
                        join milk_hold h on h.id = a.hold_id
                        left join milk_unit u on u.id = a.held_unit_id
                        order by a.unit_id, h.placed_at, h.id
                        """)
                .param("ids", unitIds.stream().distinct().toArray(UUID[]::new))
                .query((rs, n) -> {
                    UUID forUnit = rs.getObject("for_unit", UUID.class);
                    byUnit.computeIfAbsent(forUnit, k -> new ArrayList<>())
                            .add(view(rs, rs.getObject("held_unit_id", UUID.class)));
                    return forUnit;
                })
                .list();
        return byUnit;
    }

    /** Every hold placed on a donor's milk windows, newest first (ended ones too). */
    public List<HoldView> ofDonor(UUID donorId) {
        return jdbc.sql(SELECT + " where h.donor_id = :donor order by h.placed_at desc, h.id")
                .param("donor", donorId)
                .query((rs, n) -> view(rs, null))
                .list();
    }

    /** Every hold of a recall. */
    public List<HoldView> ofRecall(UUID recallId) {
        return jdbc.sql(SELECT + " where h.recall_id = :recall order by h.placed_at, h.id")
                .param("recall", recallId)
                .query((rs, n) -> view(rs, null))
                .list();
    }

    /** Active holds of one kind placed on units themselves, oldest first: e.g. the units waiting for a culture. */
    public List<HoldView> activeOnUnitsOfKind(HoldKind kind) {
        return jdbc.sql(
                        SELECT
                                + " where h.scope = 'UNIT' and h.kind = :kind and h.ended_at is null order by h.placed_at, h.id")
                .param("kind", kind.name())
                .query((rs, n) -> view(rs, null))
                .list();
    }

    /** Active donor-window holds, newest first: the bank-wide list of blocked and deferred milk. */
    public List<HoldView> activeDonorWindows() {
        return jdbc.sql(SELECT + " where h.scope = 'DONOR_WINDOW' and h.ended_at is null order by h.placed_at desc")
                .query((rs, n) -> view(rs, null))
                .list();
    }

    static HoldView view(ResultSet rs, UUID heldUnitId) throws SQLException {
        UUID unitId = rs.getObject("unit_id", UUID.class);
        return new HoldView(
                rs.getObject("id", UUID.class),
                HoldKind.valueOf(rs.getString("kind")),
                HoldScope.valueOf(rs.getString("scope")),
                unitId,
                UnitLabel.of(rs.getString("unit_din"), rs.getString("unit_code")),
                heldUnitId == null ? unitId : heldUnitId,
                rs.getObject("donor_id", UUID.class),
                rs.getObject("window_from", LocalDate.class),
                rs.getObject("window_to", LocalDate.class),
                rs.getString("reason_code"),
                args(rs.getString("reason_args")),
                rs.getString("detail_ref"),
                rs.getObject("recall_id", UUID.class),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getString("placed_by"),
                instant(rs.getTimestamp("ended_at")),
                rs.getString("ended_by"),
                rs.getString("end_reason"),
                rs.getString("outcome") == null ? null : HoldOutcome.valueOf(rs.getString("outcome")));
    }

    private static List<Object> args(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return LineageWriter.JSON.readValue(json, new TypeReference<List<Object>>() {});
    }

    private static String json(List<?> args) {
        return LineageWriter.JSON.writeValueAsString(args == null ? List.of() : args);
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    private static void requireCode(String reasonCode) {
        if (reasonCode == null || reasonCode.isBlank() || !reasonCode.matches("[a-z][a-zA-Z0-9.]*")) {
            throw new IllegalArgumentException("a hold's reason is a code, not words: " + reasonCode);
        }
    }
}
