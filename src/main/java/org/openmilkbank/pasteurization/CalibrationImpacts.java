package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.equipment.InstrumentFoundOutOfTolerance;
import org.openmilkbank.pasteurization.curve.CurveVerdict;
import org.openmilkbank.pasteurization.curve.RunLogs;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.Holds;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an instrument found out of tolerance did to the runs it measured. Every passed run that kept the instrument and
 * started after its last good calibration (any, when it never had one) and before the calibration that found it out
 * is judged again with the as-found error taken off its temperatures: by its log when it has one, else by its typed
 * hold. A run that no longer passes is held at once (CALIBRATION) with everything made from it; the manager opens the
 * recall from the calibration, which reaches the bottles and the infants already fed.
 */
@Service
@Transactional(readOnly = true)
public class CalibrationImpacts {

    static final String HOLD_REASON = "calibration.outOfTolerance";

    /** One run judged again: whether it passed before and whether it still passes, with what now fails. */
    public record Impact(
            UUID runId,
            String runCode,
            Instant startedAt,
            String measuredAs,
            boolean passedBefore,
            boolean stillPasses,
            List<Said> failures) {}

    /** The runs one calibration judged again, with what it found. */
    public record Found(
            UUID calibrationId,
            UUID equipmentId,
            String equipmentCode,
            Instant foundAt,
            Instant lastGoodAt,
            BigDecimal errorC,
            List<Impact> runs) {

        public long failing() {
            return runs.stream().filter(r -> !r.stillPasses()).count();
        }
    }

    private final JdbcClient jdbc;
    private final PasteurisationManagement management;
    private final RunLogs logs;
    private final Standards standards;
    private final Holds holds;
    private final History history;
    private final Clock clock;

    CalibrationImpacts(
            JdbcClient jdbc,
            PasteurisationManagement management,
            RunLogs logs,
            Standards standards,
            Holds holds,
            History history,
            Clock clock) {
        this.jdbc = jdbc;
        this.management = management;
        this.logs = logs;
        this.standards = standards;
        this.holds = holds;
        this.history = history;
        this.clock = clock;
    }

    /** In the calibration's transaction: judges again every run the instrument measured while it read wrong. */
    @EventListener
    @Transactional
    public void on(InstrumentFoundOutOfTolerance found) {
        BigDecimal error = found.worstAsFoundErrorC() == null ? BigDecimal.ZERO : found.worstAsFoundErrorC();
        BigDecimal offset = error.negate();
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock);
        List<Measured> measured = jdbc.sql("""
                        select r.id, i.role from pasteurisation_run r
                          join pasteurisation_run_instrument i on i.run_id = r.id
                         where i.equipment_id = :equipment
                           and r.outcome = 'PASSED'
                           and (cast(:lastGood as timestamptz) is null or r.started_at >= :lastGood)
                           and r.started_at <= :foundAt
                         order by r.started_at
                        """)
                .param("equipment", found.equipmentId())
                .param(
                        "lastGood",
                        found.lastGoodCalibrationAt() == null ? null : Timestamp.from(found.lastGoodCalibrationAt()))
                .param("foundAt", Timestamp.from(found.foundAt()))
                .query((rs, n) -> new Measured(rs.getObject("id", UUID.class), rs.getString("role")))
                .list();
        for (Measured m : measured) {
            RunView run = management.find(m.runId()).orElseThrow();
            List<Said> failures = rejudge(run, offset, profile);
            boolean stillPasses = failures.isEmpty();
            jdbc.sql("""
                            insert into pasteurization_calibration_impact
                                   (id, calibration_id, equipment_id, equipment_code, found_at, last_good_at, error_c,
                                    run_id, measured_as, passed_before, still_passes, failures, judged_at, judged_by)
                            values (:id, :calibration, :equipment, :code, :foundAt, :lastGood, :error, :run, :role,
                                    true, :passes, cast(:failures as jsonb), :at, :by)
                            on conflict (calibration_id, run_id) do nothing
                            """)
                    .param("id", UUID.randomUUID())
                    .param("calibration", found.calibrationId())
                    .param("equipment", found.equipmentId())
                    .param("code", found.code())
                    .param("foundAt", Timestamp.from(found.foundAt()))
                    .param(
                            "lastGood",
                            found.lastGoodCalibrationAt() == null
                                    ? null
                                    : Timestamp.from(found.lastGoodCalibrationAt()))
                    .param("error", error)
                    .param("run", run.id())
                    .param("role", m.role())
                    .param("passes", stillPasses)
                    .param("failures", Said.toJson(failures))
                    .param("at", Timestamp.from(now))
                    .param("by", CurrentActor.username())
                    .update();
            String code = management.runCode(run.id());
            if (!stillPasses) {
                holds.placeOnUnits(
                        HoldKind.CALIBRATION, List.of(run.id()), HOLD_REASON, List.of(found.code()), null, null);
            }
            history.record(
                    PasteurisationManagement.RECORD_TYPE,
                    run.id(),
                    Said.of(
                            stillPasses
                                    ? "pasteurization.impact.history.stillPasses"
                                    : "pasteurization.impact.history.noLongerPasses",
                            code,
                            found.code(),
                            error.toPlainString(),
                            failures));
        }
    }

    /** What fails once the error is taken off: the log's rules when the run has a log, else its typed hold. */
    private List<Said> rejudge(RunView run, BigDecimal offset, StandardProfile profile) {
        Optional<CurveVerdict> byLog = logs.rejudge(run.id(), offset);
        if (byLog.isPresent()) {
            return byLog.get().failures();
        }
        if (run.holdTemperatureC() == null) {
            return List.of();
        }
        BigDecimal corrected = run.holdTemperatureC().add(offset);
        RunAcceptance.Verdict verdict = PasteurisationMethod.HTST.name().equals(run.method())
                ? HtstAcceptance.assess(corrected, run.holdSeconds() == null ? 0 : run.holdSeconds(), profile)
                : RunAcceptance.assess(corrected, run.holdMinutes(), profile);
        return verdict.failures();
    }

    /** The runs a calibration judged again; empty when it found nothing out of tolerance or measured no run. */
    public Optional<Found> of(UUID calibrationId) {
        List<Row> rows = jdbc.sql("""
                        select i.run_id, i.equipment_id, i.equipment_code, i.found_at, i.last_good_at, i.error_c,
                               i.measured_as, i.passed_before, i.still_passes, i.failures::text as failures,
                               r.started_at
                          from pasteurization_calibration_impact i
                          join pasteurisation_run r on r.id = i.run_id
                         where i.calibration_id = :calibration
                         order by r.started_at
                        """)
                .param("calibration", calibrationId)
                .query((rs, n) -> new Row(
                        rs.getObject("run_id", UUID.class),
                        rs.getObject("equipment_id", UUID.class),
                        rs.getString("equipment_code"),
                        rs.getTimestamp("found_at").toInstant(),
                        rs.getTimestamp("last_good_at") == null
                                ? null
                                : rs.getTimestamp("last_good_at").toInstant(),
                        rs.getBigDecimal("error_c"),
                        rs.getString("measured_as"),
                        rs.getBoolean("passed_before"),
                        rs.getBoolean("still_passes"),
                        rs.getString("failures"),
                        rs.getTimestamp("started_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row first = rows.get(0);
        return Optional.of(new Found(
                calibrationId,
                first.equipmentId(),
                first.equipmentCode(),
                first.foundAt(),
                first.lastGoodAt(),
                first.errorC(),
                rows.stream()
                        .map(r -> new Impact(
                                r.runId(),
                                management.runCode(r.runId()),
                                r.startedAt(),
                                r.measuredAs(),
                                r.passedBefore(),
                                r.stillPasses(),
                                Said.listFromJson(r.failures())))
                        .toList()));
    }

    private record Measured(UUID runId, String role) {}

    private record Row(
            UUID runId,
            UUID equipmentId,
            String equipmentCode,
            Instant foundAt,
            Instant lastGoodAt,
            BigDecimal errorC,
            String measuredAs,
            boolean passedBefore,
            boolean stillPasses,
            String failures,
            Instant startedAt) {}
}
