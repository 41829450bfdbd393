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
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.shared.Signature;
import org.openmilkbank.shared.Signatures;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pasteurisation runs: recording the cycle, bottling into quarantine, the culture after, and the release. */
@Service
@Transactional(readOnly = true)
public class PasteurisationManagement {

    static final String RECORD_TYPE = "PasteurisationRun";
    static final String CULTURE_PENDING = "culture.pending";

    /** What the second technician's signature on a release means. */
    public static final String RELEASE_MEANING = "pasteurization.signature.release";

    private final PasteurisationRunRepository runs;
    private final PoolManagement pools;
    private final Inventory inventory;
    private final Standards standards;
    private final History history;
    private final Clock clock;
    private final MilkGate milkGate;
    private final Holds holds;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Signatures signatures;

    PasteurisationManagement(
            PasteurisationRunRepository runs,
            PoolManagement pools,
            Inventory inventory,
            Standards standards,
            History history,
            Clock clock,
            MilkGate milkGate,
            Holds holds,
            ApplicationEventPublisher events,
            MessageSource messages,
            Signatures signatures) {
        this.signatures = signatures;
        this.messages = messages;
        this.milkGate = milkGate;
        this.holds = holds;
        this.events = events;
        this.runs = runs;
        this.pools = pools;
        this.inventory = inventory;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Records a run. A passed run pasteurises the pool and stocks its bottles in quarantine under a culture hold; a
     * failed one is recorded as FAILED with the reason and leaves the pool READY for another cycle. The gate refuses
     * a run of held milk or one dated before its pool was made or its milk expressed.
     */
    @Transactional
    public RunView recordRun(RunRecord record) {
        if (record == null || record.poolId() == null) {
            throw new RuleViolation("pasteurization.run.poolRequired");
        }
        // locked until commit: a hold on the pool's milk waits for this run's bottles, or this run sees the hold
        PoolView pool = pools.lockForPasteurisation(record.poolId())
                .orElseThrow(() -> new NotFound("pasteurization.pool.notFound", record.poolId()));
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock);
        PasteurisationRun run = PasteurisationRun.record(record, pool, profile, CurrentActor.username(), now);
        milkGate.require(pool.id(), GateUse.PASTEURISE, record.startedAt());
        int number = runs.findByPoolIdOrderByRecordedAt(pool.id()).size() + 1;
        runs.save(run);
        String code = RunRecorded.code(pool.din(), number);
        events.publishEvent(
                new RunRecorded(run.id(), pool.id(), code, run.passed(), run.method(), run.startedAt(), run.endedAt()));
        Din poolDin = Din.parse(pool.din());
        // the run as people read it: its pool's DIN with the check character
        String shownCode = RunRecorded.code(poolDin.withCheck(), number);
        if (!run.passed()) {
            history.record(
                    RECORD_TYPE,
                    run.id(),
                    Said.of(
                            "pasteurization.history.recordedFailed",
                            shownCode,
                            poolDin,
                            record.device().strip(),
                            record.holdTemperatureC().toPlainString(),
                            record.holdMinutes(),
                            profile.code()));
            return view(run);
        }
        pools.markPasteurised(pool.id(), run.id());
        LocalDate expiresOn = ShelfLife.expiresOn(
                pool.earliestExpression(), LocalDate.ofInstant(record.endedAt(), clock.getZone()), profile);
        inventory.stockQuarantined(run.id(), pool.id(), record.bottleCount(), record.bottleVolumeMl(), expiresOn);
        holds.placeOnUnits(HoldKind.CULTURE, List.of(run.id()), CULTURE_PENDING, List.of(), null, null);
        history.record(
                RECORD_TYPE,
                run.id(),
                Said.of(
                        "pasteurization.history.recordedPassed",
                        shownCode,
                        poolDin,
                        record.device().strip(),
                        record.holdTemperatureC().toPlainString(),
                        record.holdMinutes(),
                        record.bottleCount(),
                        record.bottleVolumeMl(),
                        expiresOn.toString(),
                        profile.code()));
        return view(run);
    }

    /** Records the post-pasteurisation culture sampled now. */
    @Transactional
    public RunView recordPostCulture(UUID runId, long cfu, String organism) {
        return recordPostCulture(runId, cfu, organism, null);
    }

    /**
     * Records the post-pasteurisation culture sampled at {@code sampledAt} ({@code null}: now). Negative ends the
     * culture hold as passed; positive discards the run and its bottles.
     */
    @Transactional
    public RunView recordPostCulture(UUID runId, long cfu, String organism, Instant sampledAt) {
        PasteurisationRun run = lock(runId);
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock);
        Instant sampled = sampledAt == null ? now : sampledAt;
        boolean negative = run.recordPostCulture(cfu, organism, sampled, profile, CurrentActor.username(), now);
        events.publishEvent(new PostCultureRecorded(runId, negative, cfu, sampled, now));
        Said said = Said.of(
                negative ? "pasteurization.history.cultureNegative" : "pasteurization.history.culturePositive",
                cfu,
                organism == null || organism.isBlank() ? "—" : organism.strip(),
                sampled.toString(),
                profile.postCultureMaxCfu(),
                profile.code());
        if (negative) {
            holds.endOnUnit(runId, HoldKind.CULTURE, HoldOutcome.PASSED, "culture.negative");
            history.record(RECORD_TYPE, runId, said);
        } else {
            holds.endOnUnit(runId, HoldKind.CULTURE, HoldOutcome.DISCARDED, PasteurisationRun.CULTURE_POSITIVE);
            inventory.discardRun(runId, PasteurisationRun.CULTURE_POSITIVE);
            history.record(RECORD_TYPE, runId, said);
        }
        return view(run);
    }

    /**
     * Releases the run's bottles for dispensing, signed by the second technician with her own password: the current
     * user must not be the run's recorder, her password must be right (else {@code signature.password.wrong} on
     * {@code signaturePassword}), and the gate must allow every bottle (none held, none expired), or nothing is
     * released and nothing is signed. The signature keeps what she attested ({@link #releaseAttestations}).
     */
    @Transactional
    public RunView release(UUID runId, String signaturePassword) {
        PasteurisationRun run = lock(runId);
        Instant now = Instant.now(clock);
        List<Said> attested = attestations(run.view());
        run.release(CurrentActor.username(), now);
        signatures.sign(signaturePassword, RECORD_TYPE, runId, Said.code(RELEASE_MEANING), attested);
        inventory.releaseRun(runId, now);
        events.publishEvent(new RunReleased(runId, now));
        history.record(RECORD_TYPE, runId, Said.of("pasteurization.history.released"));
        return view(run);
    }

    /**
     * What the second technician attests by signing the release: the post-pasteurisation culture is negative, the
     * run's verdict is passed, the labels were checked against the run, and how many bottles she releases.
     */
    public List<Said> releaseAttestations(UUID runId) {
        return attestations(runs.findById(runId)
                .orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId))
                .view());
    }

    private List<Said> attestations(RunView run) {
        String poolDin = pools.find(run.poolId()).map(PoolView::dinWithCheck).orElse("—");
        int bottles = inventory.bottlesOfRun(run.id()).size();
        return List.of(
                Said.of("pasteurization.attest.cultureNegative", run.postCultureCfu()),
                Said.of(
                        "pasteurization.attest.runPassed",
                        run.holdTemperatureC() == null
                                ? null
                                : run.holdTemperatureC().toPlainString(),
                        run.holdMinutes()),
                Said.of("pasteurization.attest.labelsChecked", poolDin),
                Said.of("pasteurization.attest.bottleCount", bottles));
    }

    /** The signatures on the run (its release), oldest first. */
    public List<Signature> signatures(UUID runId) {
        return signatures.of(RECORD_TYPE, runId);
    }

    public Optional<RunView> find(UUID runId) {
        return runs.findById(runId).map(this::view);
    }

    /** Runs in the state, newest first; {@code null} lists all. */
    public List<RunView> list(RunState state) {
        return (state == null ? runs.findAllByOrderByRecordedAtDesc() : runs.findByStateOrderByRecordedAtDesc(state))
                .stream().map(this::view).toList();
    }

    public List<RunView> runsOfPool(UUID poolId) {
        return runs.findByPoolIdOrderByRecordedAt(poolId).stream()
                .map(this::view)
                .toList();
    }

    private PasteurisationRun lock(UUID runId) {
        return runs.lockById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
    }

    /** The run as pages and the API see it, why it failed in the reader's language. */
    private RunView view(PasteurisationRun run) {
        return run.view().rendered(messages);
    }
}
