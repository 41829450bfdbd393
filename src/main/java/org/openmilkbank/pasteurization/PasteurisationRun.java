package org.openmilkbank.pasteurization;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.openmilkbank.processing.PoolState;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;

/** One pasteuriser cycle of a pool; its bottles are the batch that is cultured, quarantined and released together. */
@Entity
@Table(name = "pasteurisation_run")
class PasteurisationRun {

    static final BigDecimal MAX_PLAUSIBLE_TEMPERATURE = new BigDecimal("100.0");
    /** A Holder pasteuriser takes a few dozen bottles a cycle: more than this is a typing error. */
    static final int MAX_BOTTLES_PER_RUN = 100;
    /** The smallest bottle a bank fills (a feed for the smallest preterm infant); smaller is a typing error. */
    static final int MIN_BOTTLE_VOLUME_ML = 10;

    @Id
    private UUID id;

    @Column(name = "pool_id", nullable = false)
    private UUID poolId;

    @Column(nullable = false)
    private String method;

    private String device;

    @Column(name = "pasteuriser_id")
    private UUID pasteuriserId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    /** Typed, or the coldest reading of the measured hold; none while the run awaits its log. */
    @Column(name = "hold_temperature_c", precision = 4, scale = 1)
    private BigDecimal holdTemperatureC;

    @Column(name = "hold_minutes")
    private Integer holdMinutes;

    /** PASSED or FAILED; none while the run awaits its log. */
    private String outcome;

    /** The English text of why a run recorded before V44 was not accepted; later runs keep codes instead. */
    @Column(name = "failure_reason")
    private String failureReason;

    /** Why the run was not accepted, as codes with their numbers (JSON), rendered in the reader's language. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "failure_code")
    private String failureCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RunState state;

    @Column(name = "bottle_count")
    private Integer bottleCount;

    @Column(name = "bottle_volume_ml")
    private Integer bottleVolumeMl;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "released_by")
    private String releasedBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "discard_reason")
    private String discardReason;

    @Version
    private long version;

    /** The bottles it filled, one line per size (mL × count). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pasteurisation_run_bottle_line", joinColumns = @JoinColumn(name = "run_id"))
    @OrderColumn(name = "line_no")
    private List<BottleLineEntry> bottleLines = new ArrayList<>();

    /** An HTST run's hold, in seconds. */
    @Column(name = "hold_seconds")
    private Integer holdSeconds;

    /** Milk the run took from its pool as samples, in mL. */
    @Column(name = "sampled_ml")
    private Integer sampledMl;

    /** Typed without a log: an explicitly manual record, released only once a second person confirmed it. */
    @Column(nullable = false)
    private boolean manual;

    @Column(name = "manual_confirmed_by")
    private String manualConfirmedBy;

    @Column(name = "manual_confirmed_at")
    private Instant manualConfirmedAt;

    protected PasteurisationRun() {}

    /**
     * Records a cycle. Refuses input that cannot be true (nothing is saved); a cycle below the standard's
     * temperature or time is recorded as FAILED, because a failed cycle is itself part of the record.
     */
    static PasteurisationRun record(RunRecord r, PoolView pool, StandardProfile profile, String by, Instant now) {
        if (pool.state() != PoolState.READY) {
            throw new RuleViolation("pasteurization.run.poolNotReady", pool.dinWithCheck(), pool.state());
        }
        if (r.device() == null || r.device().isBlank()) {
            throw new RuleViolation("pasteurization.run.deviceRequired").on("device");
        }
        if (r.startedAt() == null || r.endedAt() == null) {
            throw new RuleViolation("pasteurization.run.timesRequired").on("startedAt");
        }
        if (!r.endedAt().isAfter(r.startedAt())) {
            throw new RuleViolation("pasteurization.run.endBeforeStart").on("endedAt");
        }
        if (r.endedAt().isAfter(now)) {
            throw new RuleViolation("pasteurization.run.endInFuture").on("endedAt");
        }
        if (r.holdTemperatureC() == null
                || r.holdTemperatureC().signum() <= 0
                || r.holdTemperatureC().compareTo(MAX_PLAUSIBLE_TEMPERATURE) > 0) {
            throw new RuleViolation("pasteurization.run.temperatureImplausible", r.holdTemperatureC())
                    .on("holdTemperatureC");
        }
        long runMinutes = Duration.between(r.startedAt(), r.endedAt()).toMinutes();
        if (r.holdMinutes() < 0 || r.holdMinutes() > runMinutes) {
            throw new RuleViolation("pasteurization.run.holdLongerThanRun", r.holdMinutes(), runMinutes)
                    .on("holdMinutes");
        }
        List<BottleLine> lines = BottleLines.check(r.lines());
        int sampledMl = r.sampledMl() == null ? 0 : r.sampledMl();
        if (sampledMl < 0) {
            throw new RuleViolation("pasteurization.runs.sampledInvalid", sampledMl).on("sampledMl");
        }
        long bottled = (long) BottleLines.totalMl(lines) + sampledMl;
        if (bottled > pool.volumeMl()) {
            throw new RuleViolation(
                            "pasteurization.runs.moreThanPool",
                            BottleLines.bottles(lines),
                            bottled,
                            pool.volumeMl(),
                            pool.dinWithCheck())
                    .on("bottleCount");
        }
        PasteurisationMethod method = r.methodOrHolder();
        RunAcceptance.Verdict verdict = method == PasteurisationMethod.HTST
                ? HtstAcceptance.assessRun(r, profile, Duration.between(r.startedAt(), r.endedAt()))
                : RunAcceptance.assess(r.holdTemperatureC(), r.holdMinutes(), profile);
        PasteurisationRun run = new PasteurisationRun();
        run.id = UUID.randomUUID();
        run.poolId = pool.id();
        run.method = method.name();
        run.device = r.device().strip();
        run.startedAt = r.startedAt();
        run.endedAt = r.endedAt();
        run.holdTemperatureC = r.holdTemperatureC();
        run.holdMinutes = r.holdMinutes();
        lines.forEach(l -> run.bottleLines.add(new BottleLineEntry(l)));
        run.bottleCount = BottleLines.bottles(lines);
        // one size: the run's bottle volume as before; several: read the lines
        run.bottleVolumeMl = lines.size() == 1 ? lines.get(0).volumeMl() : null;
        run.holdSeconds = r.holdSeconds();
        run.sampledMl = sampledMl == 0 ? null : sampledMl;
        run.recordedBy = by;
        run.recordedAt = now;
        run.outcome = verdict.passed() ? "PASSED" : "FAILED";
        run.failureCode = verdict.passed() ? null : Said.toJson(verdict.failures());
        run.state = verdict.passed() ? RunState.QUARANTINE : RunState.FAILED;
        run.manual = true;
        return run;
    }

    /** The code of the discard reason when the post-pasteurisation culture grew above the limit. */
    static final String CULTURE_POSITIVE = "culture.positive";

    /**
     * Checks a post-pasteurisation culture sample time: not before the run ended. The lab refuses a time in the
     * future and a negative read before the profile's minimum incubation.
     */
    void checkCultureSample(Instant sampledAt) {
        // a run resting on a sampled run's negative culture may still be cultured itself
        if (state != RunState.QUARANTINE && state != RunState.CULTURE_NEGATIVE) {
            throw new RuleViolation("pasteurization.postCulture.notInQuarantine", state);
        }
        if (sampledAt != null && sampledAt.isBefore(endedAt)) {
            throw new RuleViolation("pasteurization.postCulture.sampledBeforeRunEnded", sampledAt, endedAt)
                    .on("sampledAt");
        }
    }

    /**
     * Takes the lab's verdict on the culture after pasteurisation: a run in quarantine waits for its release when it
     * passed; a failed culture discards a run not yet released. Returns whether its state changed.
     */
    boolean takeCultureVerdict(boolean passed) {
        if (state != RunState.QUARANTINE && (passed || state != RunState.CULTURE_NEGATIVE)) {
            return false;
        }
        if (passed) {
            state = RunState.CULTURE_NEGATIVE;
        } else {
            state = RunState.DISCARDED;
            discardReason = CULTURE_POSITIVE;
        }
        return true;
    }

    /** The second signature: a different technician from the one who recorded the run releases it. */
    void release(String by, Instant now) {
        switch (state) {
            case QUARANTINE -> throw new RuleViolation("pasteurization.release.culturePending");
            case FAILED ->
                throw failureCode == null
                        ? new RuleViolation("pasteurization.release.failedRun", failureReason)
                        : new RuleViolation("pasteurization.release.failedRunBecause", Said.listFromJson(failureCode));
            case AWAITING_LOG -> throw new RuleViolation("pasteurization.curve.release.awaitingLog");
            case RELEASED -> throw new RuleViolation("pasteurization.release.alreadyReleased", releasedBy);
            case DISCARDED -> {
                if (CULTURE_POSITIVE.equals(discardReason)) {
                    throw new RuleViolation("pasteurization.release.culturePositive");
                }
                throw new RuleViolation("pasteurization.release.discarded", discardReason);
            }
            case CULTURE_NEGATIVE -> {
                if (recordedBy.equalsIgnoreCase(by)) {
                    throw new RuleViolation("pasteurization.release.sameTechnician", recordedBy);
                }
                if (awaitsManualConfirmation()) {
                    throw new RuleViolation("pasteurization.manual.release.unconfirmed");
                }
                state = RunState.RELEASED;
                releasedBy = by;
                releasedAt = now;
            }
        }
    }

    UUID id() {
        return id;
    }

    UUID poolId() {
        return poolId;
    }

    String method() {
        return method;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    RunState state() {
        return state;
    }

    String failureReason() {
        return failureReason;
    }

    String discardReason() {
        return discardReason;
    }

    boolean passed() {
        return "PASSED".equals(outcome);
    }

    List<BottleLine> bottleLines() {
        return bottleLines.stream().map(BottleLineEntry::line).toList();
    }

    int sampledMl() {
        return sampledMl == null ? 0 : sampledMl;
    }

    RunView view() {
        return new RunView(
                id,
                poolId,
                method,
                device,
                startedAt,
                endedAt,
                holdTemperatureC,
                holdMinutes == null ? 0 : holdMinutes,
                outcome,
                failureReason,
                Said.listFromJson(failureCode),
                null,
                state,
                bottleCount,
                bottleVolumeMl,
                recordedBy,
                recordedAt,
                null,
                null,
                null,
                null,
                null,
                releasedBy,
                releasedAt,
                discardReason,
                null,
                null,
                null,
                bottleLines(),
                holdSeconds,
                sampledMl);
    }

    // The measured curve (pasteurization.curve): a run recorded "log to follow" and judged by its log.

    /** The code of the discard reason when a later log of a passed run fails it. */
    static final String CURVE_FAILED = "curve.failed";

    /**
     * Records a cycle whose log is to follow, with the same checks as a typed one but no hold: it waits in
     * AWAITING_LOG, without bottles, until its log is imported or its sheet typed.
     */
    static PasteurisationRun awaitingLog(RunRecord r, PoolView pool, StandardProfile profile, String by, Instant now) {
        // the typed run's checks, with the standard's own hold standing in for the hold the log will show
        boolean htst = r.methodOrHolder() == PasteurisationMethod.HTST;
        PasteurisationRun run = record(
                new RunRecord(
                        r.poolId(),
                        r.device(),
                        r.startedAt(),
                        r.endedAt(),
                        htst ? profile.htstTemperatureC() : profile.holderTemperatureC(),
                        0,
                        r.bottleCount(),
                        r.bottleVolumeMl(),
                        r.bottles(),
                        r.method(),
                        htst ? profile.htstMinSeconds() : null,
                        r.sampledMl()),
                pool,
                profile,
                by,
                now);
        run.holdTemperatureC = null;
        run.holdMinutes = null;
        run.holdSeconds = null;
        run.outcome = null;
        run.failureCode = null;
        run.state = RunState.AWAITING_LOG;
        // judged by its log, not typed: no manual confirmation
        run.manual = false;
        return run;
    }

    /** Takes the verdict of the run's curve: passed, it goes into quarantine as a typed run does; failed, FAILED. */
    void judgeByCurve(boolean passed, List<Said> failures, BigDecimal holdC, int heldMinutes) {
        if (state != RunState.AWAITING_LOG) {
            throw new RuleViolation("pasteurization.curve.notAwaitingLog", state);
        }
        outcome = passed ? "PASSED" : "FAILED";
        failureCode = passed ? null : Said.toJson(failures);
        state = passed ? RunState.QUARANTINE : RunState.FAILED;
        holdTemperatureC = holdC == null ? null : holdC.setScale(1, java.math.RoundingMode.DOWN);
        holdMinutes = heldMinutes;
    }

    /**
     * A later log fails a run already judged: a run in quarantine or waiting for its release is discarded with its
     * bottles (returns true); a failed run stays failed. A released run is refused: its milk is recalled instead.
     */
    boolean failByLaterCurve(List<Said> failures) {
        switch (state) {
            case QUARANTINE, CULTURE_NEGATIVE -> {
                state = RunState.DISCARDED;
                discardReason = CURVE_FAILED;
                failureCode = Said.toJson(failures);
                return true;
            }
            case FAILED, DISCARDED -> {
                return false;
            }
            default -> throw new RuleViolation("pasteurization.curve.runReleased");
        }
    }

    boolean awaitsLog() {
        return state == RunState.AWAITING_LOG;
    }

    int bottleCount() {
        return bottleCount == null ? 0 : bottleCount;
    }

    int bottleVolumeMl() {
        return bottleVolumeMl == null ? 0 : bottleVolumeMl;
    }

    String device() {
        return device;
    }

    String recordedBy() {
        return recordedBy;
    }

    // The instruments the run relied on (RunInstruments).

    /** The registered pasteuriser the run's device code names. */
    void usePasteuriser(UUID id) {
        pasteuriserId = id;
    }

    UUID pasteuriserId() {
        return pasteuriserId;
    }

    /**
     * A typed run whose instruments could not accept it (an instrument out of calibration at the time, a
     * heat-penetration study no longer valid) fails, with those reasons added to any it had.
     */
    void failAlso(List<Said> more) {
        if (more.isEmpty()) {
            return;
        }
        List<Said> all = new ArrayList<>(failureCode == null ? List.of() : Said.listFromJson(failureCode));
        all.addAll(more);
        outcome = "FAILED";
        failureCode = Said.toJson(all);
        state = RunState.FAILED;
    }

    // A manual record (typed, no log) confirmed by a second person.

    /**
     * The second person, not the recorder, confirms a manual record she has read: while its bottles wait in
     * quarantine or for their release, once.
     */
    void confirmManual(String by, Instant now) {
        if (!manual) {
            throw new RuleViolation("pasteurization.manual.notManual");
        }
        if (manualConfirmedBy != null) {
            throw new RuleViolation("pasteurization.manual.alreadyConfirmed", manualConfirmedBy);
        }
        if (state != RunState.QUARANTINE && state != RunState.CULTURE_NEGATIVE) {
            throw new RuleViolation("pasteurization.manual.notConfirmable", state);
        }
        if (recordedBy.equalsIgnoreCase(by)) {
            throw new RuleViolation("pasteurization.manual.sameTechnician", recordedBy);
        }
        manualConfirmedBy = by;
        manualConfirmedAt = now;
    }

    boolean manual() {
        return manual;
    }

    /** A manual record whose bottles could go on to release but no second person has confirmed it yet. */
    boolean awaitsManualConfirmation() {
        return manual
                && manualConfirmedBy == null
                && (state == RunState.QUARANTINE || state == RunState.CULTURE_NEGATIVE);
    }

    String manualConfirmedBy() {
        return manualConfirmedBy;
    }

    Instant manualConfirmedAt() {
        return manualConfirmedAt;
    }

    Integer holdMinutes() {
        return holdMinutes;
    }

    Integer holdSeconds() {
        return holdSeconds;
    }

    BigDecimal holdTemperatureC() {
        return holdTemperatureC;
    }
}
