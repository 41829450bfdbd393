package org.openmilkbank.pasteurization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.inventory.Inventory;
import org.openmilkbank.lab.CultureCount;
import org.openmilkbank.lab.CultureJudged;
import org.openmilkbank.lab.CultureVerdict;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.Organism;
import org.openmilkbank.lab.RunPlanView;
import org.openmilkbank.lab.RunRestsOnCulture;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.lab.SamplingPlans;
import org.openmilkbank.processing.PoolManagement;
import org.openmilkbank.processing.PoolView;
import org.openmilkbank.processing.PoolVolumes;
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
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
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

    private final RunInstruments instruments;
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
    private final LabManagement lab;
    private final SamplingPlans plans;
    private final PoolVolumes poolVolumes;

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
            Signatures signatures,
            LabManagement lab,
            SamplingPlans plans,
            PoolVolumes poolVolumes,
            RunInstruments instruments) {
        this.instruments = instruments;
        this.poolVolumes = poolVolumes;
        this.lab = lab;
        this.plans = plans;
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
        instruments.requireRegistered(record.device(), profile);
        milkGate.require(pool.id(), GateUse.PASTEURISE, record.startedAt());
        int number = runs.findByPoolIdOrderByRecordedAt(pool.id()).size() + 1;
        String code = RunRecorded.code(pool.din(), number);
        // a run takes part of what is left of its pool; more is refused before anything is written
        RunDraws.checkCanTake(poolVolumes, pool.id(), run);
        runs.saveAndFlush(run);
        // a registered pasteuriser's instruments must have been calibrated at the time of the run
        run.failAlso(instruments.refusals(run, instruments.attach(run, record.device()), profile));
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
            // a failed run's milk stays in the pool for another cycle
            poolVolumes.drawForRun(pool.id(), RunDraws.of(run, code));
            return view(run);
        }
        poolVolumes.drawForRun(pool.id(), RunDraws.of(run, code));
        LocalDate expiresOn = stockPassed(run, pool, shownCode, profile);
        history.record(
                RECORD_TYPE,
                run.id(),
                Said.of(
                        "pasteurization.runs.history.recordedPassed",
                        shownCode,
                        poolDin,
                        record.device().strip(),
                        Said.label(record.methodOrHolder()),
                        RunDraws.hold(record),
                        RunDraws.lines(run.bottleLines()),
                        expiresOn.toString(),
                        profile.code()));
        return view(run);
    }

    /**
     * A passed run's bottles into quarantine, whether it was typed or judged by its log: expiring by the profile, one
     * stock line per bottle size; then the lab's sampling plan decides: a culture of its own (held until it is judged),
     * or resting on a sampled run. Returns the bottles' expiry.
     */
    LocalDate stockPassed(PasteurisationRun run, PoolView pool, String shownCode, StandardProfile profile) {
        LocalDate expiresOn = ShelfLife.expiresOn(
                pool.earliestExpression(), LocalDate.ofInstant(run.endedAt(), clock.getZone()), profile);
        run.bottleLines()
                .forEach(line ->
                        inventory.stockQuarantined(run.id(), pool.id(), line.count(), line.volumeMl(), expiresOn));
        RunPlanView plan = plans.planRun(run.id(), shownCode, run.endedAt());
        if (plan == null || plan.sampled()) {
            holds.placeOnUnits(HoldKind.CULTURE, List.of(run.id()), CULTURE_PENDING, List.of(), null, null);
        }
        return expiresOn;
    }

    /** Records the post-pasteurisation culture sampled now (through the lab: a sample and one read). */
    @Transactional
    public RunView recordPostCulture(UUID runId, long cfu, String organism) {
        return recordPostCulture(runId, cfu, organism, null);
    }

    /**
     * Records the post-pasteurisation culture through the lab: a sample of the run taken (and incubated from)
     * {@code sampledAt} ({@code null}: now) and one read of the count now; the count is of each organism the profile
     * limits, or of the organism named (else the total count). Kept for the API's older callers: the lab's own pages
     * take the sample first and read it after its incubation. A negative read before the profile's minimum incubation
     * is refused; the lab's verdict moves the run on ({@link #on(CultureJudged)}).
     */
    @Transactional
    public RunView recordPostCulture(UUID runId, long cfu, String organism, Instant sampledAt) {
        PasteurisationRun run = lock(runId);
        run.checkCultureSample(sampledAt);
        if (cfu < 0) {
            throw new RuleViolation("pasteurization.postCulture.negativeCount", cfu).on("cfu");
        }
        List<CultureCount> counts = new java.util.ArrayList<>();
        standards.activeProfile().postCultureLimits().keySet().stream()
                .filter(k -> !CultureVerdict.ANY.equals(k))
                .forEach(k -> counts.add(CultureCount.of(Organism.valueOf(k), cfu)));
        if (counts.isEmpty()) {
            counts.add(
                    organism == null || organism.isBlank()
                            ? CultureCount.of(Organism.TOTAL_VIABLE_COUNT, cfu)
                            : new CultureCount(Organism.OTHER, organism, cfu));
        }
        SampleView sample = lab.takeSample(code(run), SamplePurpose.POST_CULTURE, null, sampledAt, null);
        lab.recordRead(sample.id(), counts, null);
        return view(lock(runId));
    }

    /**
     * The lab judged the run's culture after pasteurisation (same transaction): a negative culture lets the run wait
     * for its release; a positive one discards the run and every bottle of it. The lab ended the culture hold.
     */
    @EventListener
    public void on(CultureJudged judged) {
        if (judged.purpose() != SamplePurpose.POST_CULTURE) {
            return;
        }
        Optional<PasteurisationRun> found = runs.lockById(judged.unitId());
        if (found.isEmpty()) {
            return;
        }
        PasteurisationRun run = found.get();
        boolean moved = run.takeCultureVerdict(judged.passed());
        events.publishEvent(new PostCultureRecorded(
                run.id(), judged.passed(), judged.largestCount(), judged.sampledAt(), judged.judgedAt()));
        if (moved && !judged.passed()) {
            inventory.discardRun(run.id(), PasteurisationRun.CULTURE_POSITIVE);
        }
        history.record(
                RECORD_TYPE,
                run.id(),
                Said.of(
                        judged.passed()
                                ? "pasteurization.history.labCultureNegative"
                                : "pasteurization.history.labCulturePositive",
                        judged.failures(),
                        judged.sampledAt().toString(),
                        judged.profileCode()));
    }

    /**
     * The run rests on a sampled run and took its verdict (same transaction): a negative culture lets the run wait for
     * its release as if its own had been negative; a positive one leaves it held by the lab.
     */
    @EventListener
    public void on(RunRestsOnCulture rests) {
        Optional<PasteurisationRun> found = runs.lockById(rests.runId());
        if (found.isEmpty()) {
            return;
        }
        PasteurisationRun run = found.get();
        if (rests.negative()) {
            run.takeCultureVerdict(true);
        }
        history.record(
                RECORD_TYPE,
                run.id(),
                Said.of(
                        rests.negative()
                                ? "lab.plan.history.runRestsOnNegative"
                                : "lab.plan.history.runRestsOnPositive",
                        rests.sampledRunLabel()));
    }

    /** The run's code as people read and scan it: its pool's DIN with the check character and its number. */
    public String runCode(UUID runId) {
        return code(runs.findById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId)));
    }

    private String code(PasteurisationRun run) {
        List<PasteurisationRun> ofPool = runs.findByPoolIdOrderByRecordedAt(run.poolId());
        int number = ofPool.stream().map(PasteurisationRun::id).toList().indexOf(run.id()) + 1;
        String poolDin = pools.find(run.poolId()).map(PoolView::dinWithCheck).orElseThrow();
        return RunRecorded.code(poolDin, number);
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
        Optional<RunPlanView> plan = plans.of(run.id()).filter(RunPlanView::restsOnOther);
        // a run that rests on a sampled run is released on the strength of that run's culture, unless it has its own
        Said culture = plan.isPresent() && run.postCultureSampleCode() == null
                ? Said.of(
                        "lab.plan.attest.restsOn",
                        plan.get().restsOnLabel(),
                        lab.latestCulture(plan.get().restsOnRunId(), SamplePurpose.POST_CULTURE)
                                .map(SampleView::codeWithCheck)
                                .orElse("—"))
                : Said.of(
                        "pasteurization.attest.labCultureNegative",
                        run.postCultureSampleCode(),
                        run.postCultureCfu(),
                        run.postCultureRecordedBy());
        return List.of(
                culture,
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
        List<PasteurisationRun> found =
                state == null ? runs.findAllByOrderByRecordedAtDesc() : runs.findByStateOrderByRecordedAtDesc(state);
        Map<UUID, List<SampleView>> samples =
                lab.samplesOf(found.stream().map(PasteurisationRun::id).toList());
        return found.stream()
                .map(r -> withCulture(
                        r.view().rendered(messages),
                        samples.getOrDefault(r.id(), List.of()).stream()
                                .filter(x -> x.purpose() == SamplePurpose.POST_CULTURE)
                                .reduce((a, b) -> b)))
                .toList();
    }

    public List<RunView> runsOfPool(UUID poolId) {
        return runs.findByPoolIdOrderByRecordedAt(poolId).stream()
                .map(this::view)
                .toList();
    }

    private PasteurisationRun lock(UUID runId) {
        return runs.lockById(runId).orElseThrow(() -> new NotFound("pasteurization.run.notFound", runId));
    }

    /** The run as pages and the API see it, why it failed in the reader's language, its lab culture. */
    private RunView view(PasteurisationRun run) {
        return withCulture(run.view().rendered(messages), lab.latestCulture(run.id(), SamplePurpose.POST_CULTURE));
    }

    private static RunView withCulture(RunView view, Optional<SampleView> sample) {
        if (sample.isEmpty()) {
            return view;
        }
        SampleView s = sample.get();
        Optional<CultureCount> largest = s.currentRead()
                .flatMap(r -> r.counts().stream().max(java.util.Comparator.comparingLong(CultureCount::cfuPerMl)));
        return view.withPostCulture(
                largest.map(CultureCount::cfuPerMl).orElse(null),
                largest.filter(c -> c.cfuPerMl() > 0)
                        .map(c -> c.organism() == Organism.OTHER
                                ? c.otherName()
                                : c.organism().name())
                        .orElse(null),
                s.judged() ? (s.passed() ? "NEGATIVE" : "POSITIVE") : null,
                s.currentRead().map(SampleView.Read::readBy).orElse(null),
                s.judgedAt(),
                s.takenAt(),
                s.id(),
                s.codeWithCheck());
    }
}
