package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs judged by their measured curve: recorded "log to follow" (no bottles until judged), then moved on by the
 * verdict of their log ({@code pasteurization.curve.RunLogs}), in the log's transaction.
 */
@Service
@Transactional(readOnly = true)
public class CurveRuns {

    private final RunInstruments instruments;
    private final PasteurisationRunRepository runs;
    private final PasteurisationManagement management;
    private final PoolManagement pools;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;
    private final MilkGate milkGate;
    private final ApplicationEventPublisher events;
    private final PoolVolumes poolVolumes;

    CurveRuns(
            PasteurisationRunRepository runs,
            PasteurisationManagement management,
            PoolManagement pools,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock,
            MilkGate milkGate,
            ApplicationEventPublisher events,
            PoolVolumes poolVolumes,
            RunInstruments instruments) {
        this.instruments = instruments;
        this.runs = runs;
        this.management = management;
        this.pools = pools;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
        this.milkGate = milkGate;
        this.events = events;
        this.poolVolumes = poolVolumes;
    }

    /**
     * Records a cycle whose log is to follow (the typed run's checks, no hold): it waits in AWAITING_LOG with no
     * bottles and nothing to release until its log or sheet judges it. The gate refuses held milk as for a typed run.
     */
    @Transactional
    public RunView recordAwaitingLog(RunRecord record) {
        if (record == null || record.poolId() == null) {
            throw new RuleViolation("pasteurization.run.poolRequired");
        }
        PoolView pool = pools.lockForPasteurisation(record.poolId())
                .orElseThrow(() -> new NotFound("pasteurization.pool.notFound", record.poolId()));
        StandardProfile profile = standards.activeProfile();
        PasteurisationRun run =
                PasteurisationRun.awaitingLog(record, pool, profile, CurrentActor.username(), Instant.now(clock));
        instruments.requireRegistered(record.device(), profile);
        milkGate.require(pool.id(), GateUse.PASTEURISE, record.startedAt());
        // the run's milk must still be in its pool; it is drawn from the account when the log judges the run
        RunDraws.checkCanTake(poolVolumes, pool.id(), run);
        runs.saveAndFlush(run);
        // its instruments are kept now; their calibration at the time of the run is judged with its log
        instruments.attach(run, record.device());
        history.record(
                PasteurisationManagement.RECORD_TYPE,
                run.id(),
                Said.of(
                        "pasteurization.curve.history.recordedAwaitingLog",
                        management.runCode(run.id()),
                        Din.parse(pool.din()),
                        run.device(),
                        RunDraws.lines(run.bottleLines())));
        return management.find(run.id()).orElseThrow();
    }

    /** Whether the run waits for its log. */
    public boolean awaitsLog(UUID runId) {
        return lock(runId).awaitsLog();
    }

    /**
     * Takes the verdict of the run's curve (in the caller's transaction). A run awaiting its log is judged: passed, it
     * goes on exactly as a typed passed run (the pool pasteurised, bottles stocked in quarantine, the lab's plan, the
     * culture hold); failed, it is FAILED with the failed rules as its reason and the pool stays READY. A run already
     * judged is only ever taken out by a later log: a failing verdict discards it with its bottles.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void takeVerdict(UUID runId, boolean passed, List<Said> failures, BigDecimal holdC, int heldMinutes) {
        PasteurisationRun run = lock(runId);
        String code = management.runCode(runId);
        if (!run.awaitsLog()) {
            if (!passed && run.failByLaterCurve(failures)) {
                inventory.discardRun(runId, PasteurisationRun.CURVE_FAILED);
                history.record(
                        PasteurisationManagement.RECORD_TYPE,
                        runId,
                        Said.of("pasteurization.curve.history.discardedByLaterLog", failures));
            }
            return;
        }
        StandardProfile profile = standards.activeProfile();
        run.judgeByCurve(passed, failures, holdC, heldMinutes);
        PoolView pool = pools.lockForPasteurisation(run.poolId())
                .orElseThrow(() -> new NotFound("pasteurization.pool.notFound", run.poolId()));
        // the gate asked at recording; asked again, as the bottles are made only now
        milkGate.require(pool.id(), GateUse.PASTEURISE, run.startedAt());
        int number = runs.findByPoolIdOrderByRecordedAt(pool.id()).stream()
                        .map(PasteurisationRun::id)
                        .toList()
                        .indexOf(run.id())
                + 1;
        events.publishEvent(new RunRecorded(
                run.id(),
                pool.id(),
                RunRecorded.code(pool.din(), number),
                passed,
                run.method(),
                run.startedAt(),
                run.endedAt()));
        // a passed run's bottles leave the pool's account; a failed run's milk stays in the pool for another cycle
        poolVolumes.drawForRun(pool.id(), RunDraws.of(run, RunRecorded.code(pool.din(), number)));
        if (!passed) {
            history.record(
                    PasteurisationManagement.RECORD_TYPE,
                    runId,
                    Said.of("pasteurization.curve.history.judgedFailed", failures, profile.code()));
            return;
        }
        // as a typed passed run (PasteurisationManagement.recordRun)
        LocalDate expiresOn = management.stockPassed(run, pool, code, profile);
        history.record(
                PasteurisationManagement.RECORD_TYPE,
                runId,
                Said.of(
                        "pasteurization.curve.history.judgedPassed",
                        RunDraws.lines(run.bottleLines()),
                        expiresOn.toString(),
                        profile.code()));
    }

    private PasteurisationRun lock(UUID runId) {
        return runs.lockById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
    }
}
