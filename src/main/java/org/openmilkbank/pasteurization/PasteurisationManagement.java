package org.openmilkbank.pasteurization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pasteurisation runs: recording the cycle, bottling into quarantine, the culture after, and the release. */
@Service
@Transactional(readOnly = true)
public class PasteurisationManagement {

    static final String RECORD_TYPE = "PasteurisationRun";

    private final PasteurisationRunRepository runs;
    private final PoolManagement pools;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    PasteurisationManagement(
            PasteurisationRunRepository runs,
            PoolManagement pools,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock) {
        this.runs = runs;
        this.pools = pools;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Records a run. A passed run pasteurises the pool and stocks its bottles in quarantine; a failed one is
     * recorded as FAILED with the reason and leaves the pool READY for another cycle.
     */
    @Transactional
    public RunView recordRun(RunRecord record) {
        if (record == null || record.poolId() == null) {
            throw new org.openmilkbank.shared.RuleViolation("pasteurization.run.poolRequired");
        }
        // locked until commit: a block of the pool's milk waits for this run's bottles, or this run sees the block
        PoolView pool = pools.lockForPasteurisation(record.poolId())
                .orElseThrow(() -> new NotFound("pasteurization.pool.notFound", record.poolId()));
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock);
        PasteurisationRun run = PasteurisationRun.record(record, pool, profile, CurrentActor.username(), now);
        runs.save(run);
        String cycle = "pool " + pool.dinWithCheck() + ", " + record.device().strip() + ", "
                + record.holdTemperatureC().toPlainString() + " °C for " + record.holdMinutes() + " min, "
                + record.bottleCount() + " × " + record.bottleVolumeMl() + " mL (" + profile.code() + ")";
        if (!run.passed()) {
            history.record(RECORD_TYPE, run.id(), "recorded: FAILED", cycle + "; " + run.failureReason());
            return run.view();
        }
        pools.markPasteurised(pool.id(), run.id());
        LocalDate expiresOn = ShelfLife.expiresOn(
                pool.earliestExpression(), LocalDate.ofInstant(record.endedAt(), clock.getZone()), profile);
        inventory.stockQuarantined(run.id(), pool.id(), record.bottleCount(), record.bottleVolumeMl(), expiresOn);
        history.record(RECORD_TYPE, run.id(), "recorded: PASSED, quarantine", cycle + "; expires " + expiresOn);
        return run.view();
    }

    @Transactional
    public RunView recordPostCulture(UUID runId, long cfu, String organism) {
        PasteurisationRun run = lock(runId);
        StandardProfile profile = standards.activeProfile();
        boolean negative = run.recordPostCulture(cfu, organism, profile, CurrentActor.username(), Instant.now(clock));
        String detail = cfu + " CFU/mL" + (organism == null || organism.isBlank() ? "" : " " + organism.strip())
                + ", limit " + profile.postCultureMaxCfu() + " CFU/mL (" + profile.code() + ")";
        if (negative) {
            history.record(RECORD_TYPE, runId, "post-culture negative", detail);
        } else {
            inventory.discardRun(runId, run.discardReason());
            history.recordCorrection(
                    RECORD_TYPE, runId, "discarded: post-culture positive", detail, run.discardReason());
        }
        return run.view();
    }

    /** Releases the run's bottles for dispensing; the current user must not be the run's recorder. */
    @Transactional
    public RunView release(UUID runId) {
        PasteurisationRun run = lock(runId);
        run.release(CurrentActor.username(), Instant.now(clock));
        inventory.releaseRun(runId);
        history.record(RECORD_TYPE, runId, "released", "second signature");
        return run.view();
    }

    public Optional<RunView> find(UUID runId) {
        return runs.findById(runId).map(PasteurisationRun::view);
    }

    /** Runs in the state, newest first; {@code null} lists all. */
    public List<RunView> list(RunState state) {
        return (state == null ? runs.findAllByOrderByRecordedAtDesc() : runs.findByStateOrderByRecordedAtDesc(state))
                .stream().map(PasteurisationRun::view).toList();
    }

    public List<RunView> runsOfPool(UUID poolId) {
        return runs.findByPoolIdOrderByRecordedAt(poolId).stream()
                .map(PasteurisationRun::view)
                .toList();
    }

    private PasteurisationRun lock(UUID runId) {
        return runs.lockById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
    }
}
