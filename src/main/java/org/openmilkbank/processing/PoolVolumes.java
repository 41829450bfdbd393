package org.openmilkbank.processing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.TextLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pool's volume as an account: each run takes part of what is left (its bottle lines and its sampled mL), a failed
 * run's milk stays in the pool, and the pool closes (PASTEURISED) when nothing is left or its remainder is discarded
 * with a reason. Every movement is kept with who and when, and written in the pool's history.
 */
@Service
@Transactional(readOnly = true)
public class PoolVolumes {

    /** What a run takes from its pool: bottle lines (mL per bottle × count) and mL taken as samples. */
    public record RunDraw(UUID runId, String runCode, boolean passed, List<Line> lines, int sampledMl) {

        public record Line(int bottleMl, int count) {}

        public int totalMl() {
            return lines.stream().mapToInt(l -> l.bottleMl() * l.count()).sum() + sampledMl;
        }
    }

    private final PoolRepository pools;
    private final PoolVolumeMovementRepository movements;
    private final History history;
    private final Clock clock;

    PoolVolumes(PoolRepository pools, PoolVolumeMovementRepository movements, History history, Clock clock) {
        this.pools = pools;
        this.movements = movements;
        this.history = history;
        this.clock = clock;
    }

    /** The pool's account as it stands. */
    public PoolVolume of(UUID poolId) {
        return account(pools.findById(poolId).orElseThrow(() -> new NotFound("processing.pool.notFound", poolId)));
    }

    /** Refuses, naming the numbers, a run that would take more than is left of the pool; takes nothing. */
    public void checkCanTake(UUID poolId, int askedMl) {
        Pool pool = pools.findById(poolId).orElseThrow(() -> new NotFound("processing.pool.notFound", poolId));
        account(pool).checkCanTake(askedMl, pool.displayDin());
    }

    /**
     * A run took part of the pool: a passed run's bottles and samples leave it (the pool is PASTEURISED when nothing is
     * left), a failed run's milk stays in it for another cycle. Refuses a run that takes more than is left.
     */
    @Transactional
    public PoolVolume drawForRun(UUID poolId, RunDraw draw) {
        Pool pool = lock(poolId);
        if (pool.state() != PoolState.READY) {
            throw new RuleViolation("processing.pool.notReady", pool.displayDin(), pool.state());
        }
        PoolVolume account = account(pool);
        account.checkCanTake(draw.totalMl(), pool.displayDin());
        Instant now = Instant.now(clock);
        String by = CurrentActor.username();
        List<PoolVolume.Movement> moved = new ArrayList<>();
        if (draw.passed()) {
            for (RunDraw.Line line : draw.lines()) {
                moved.add(new PoolVolume.Movement(
                        VolumeMovementKind.BOTTLED,
                        line.bottleMl() * line.count(),
                        draw.runId(),
                        draw.runCode(),
                        line.count(),
                        line.bottleMl(),
                        null,
                        null,
                        now,
                        by));
            }
            if (draw.sampledMl() > 0) {
                moved.add(sampled(draw, now, by));
            }
        } else if (draw.totalMl() > 0) {
            moved.add(new PoolVolume.Movement(
                    VolumeMovementKind.RETURNED,
                    draw.totalMl(),
                    draw.runId(),
                    draw.runCode(),
                    null,
                    null,
                    null,
                    null,
                    now,
                    by));
        }
        for (PoolVolume.Movement m : moved) {
            account = account.with(m);
            movements.save(new PoolVolumeMovementEntry(poolId, m));
        }
        if (draw.passed()) {
            history.record(
                    PoolManagement.RECORD_TYPE,
                    poolId,
                    Said.of(
                            "processing.history.bottled",
                            PoolVolume.runCodeWithCheck(draw.runCode()),
                            draw.lines().stream()
                                    .map(l -> Said.of(
                                            "processing.volume.line",
                                            l.count(),
                                            l.bottleMl(),
                                            l.count() * l.bottleMl()))
                                    .toList(),
                            draw.sampledMl(),
                            account.leftMl(),
                            account.pooledMl()));
            if (account.leftMl() == 0) {
                pool.markPasteurised();
                history.record(
                        PoolManagement.RECORD_TYPE,
                        poolId,
                        Said.of("processing.history.pasteurised", Din.parse(pool.din())));
            }
        } else {
            history.record(
                    PoolManagement.RECORD_TYPE,
                    poolId,
                    Said.of(
                            "processing.history.returned",
                            PoolVolume.runCodeWithCheck(draw.runCode()),
                            draw.totalMl(),
                            account.leftMl()));
        }
        return account;
    }

    private static PoolVolume.Movement sampled(RunDraw draw, Instant now, String by) {
        return new PoolVolume.Movement(
                VolumeMovementKind.SAMPLED,
                draw.sampledMl(),
                draw.runId(),
                draw.runCode(),
                null,
                null,
                null,
                null,
                now,
                by);
    }

    /**
     * Closes a pool whose runs bottled part of it: what is left is discarded with the reason (the technician's words
     * are required for OTHER) and the pool is PASTEURISED. A pool no run bottled from is discarded, not closed.
     */
    @Transactional
    public PoolVolume close(UUID poolId, RemainderReason reason, String note) {
        Pool pool = lock(poolId);
        if (reason == null || !RemainderReason.chosen().contains(reason)) {
            throw new RuleViolation("processing.volume.reasonRequired").on("reason");
        }
        String words = note == null || note.isBlank() ? null : note.strip();
        if (reason == RemainderReason.OTHER && words == null) {
            throw new RuleViolation("processing.volume.noteRequired").on("note");
        }
        if (words != null && words.length() > TextLimits.REASON) {
            throw new RuleViolation("processing.volume.noteTooLong", TextLimits.REASON).on("note");
        }
        if (pool.state() != PoolState.READY) {
            throw new RuleViolation("processing.pool.notReady", pool.displayDin(), pool.state());
        }
        PoolVolume account = account(pool);
        if (!account.anyBottled()) {
            throw new RuleViolation("processing.volume.closeNothingBottled", pool.displayDin());
        }
        int left = account.leftMl();
        if (left > 0) {
            PoolVolume.Movement m = new PoolVolume.Movement(
                    VolumeMovementKind.DISCARDED,
                    left,
                    null,
                    null,
                    null,
                    null,
                    reason,
                    words,
                    Instant.now(clock),
                    CurrentActor.username());
            account = account.with(m);
            movements.save(new PoolVolumeMovementEntry(poolId, m));
        }
        pool.markPasteurised();
        history.record(
                PoolManagement.RECORD_TYPE,
                poolId,
                Said.of("processing.history.closed", Din.parse(pool.din()), left, Said.label(reason), words));
        return account;
    }

    /**
     * The whole of what is left is discarded with the pool (its words, or a failed culture); the caller discards the
     * pool. A pool a run bottled from is closed instead, so its bottles keep a pasteurised pool.
     */
    void discardRemainder(Pool pool, RemainderReason reason, String words, boolean refuseAfterRuns) {
        PoolVolume account = account(pool);
        if (refuseAfterRuns && account.anyBottled()) {
            throw new RuleViolation("processing.volume.discardAfterRuns", pool.displayDin());
        }
        if (account.leftMl() > 0) {
            movements.save(new PoolVolumeMovementEntry(
                    pool.id(),
                    new PoolVolume.Movement(
                            VolumeMovementKind.DISCARDED,
                            account.leftMl(),
                            null,
                            null,
                            null,
                            null,
                            reason,
                            words,
                            Instant.now(clock),
                            CurrentActor.username())));
        }
    }

    private PoolVolume account(Pool pool) {
        return PoolVolume.of(
                pool.volumeMl(),
                movements.findByPoolIdOrderBySeq(pool.id()).stream()
                        .map(PoolVolumeMovementEntry::movement)
                        .toList());
    }

    private Pool lock(UUID poolId) {
        return pools.lockById(poolId).orElseThrow(() -> new NotFound("processing.pool.notFound", poolId));
    }
}
