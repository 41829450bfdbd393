package org.openmilkbank.lab;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.Holds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab's count of runs against the profile's sampling plan ({@link SamplingPlan}). When a run is recorded the plan
 * decides whether it needs its own post-culture or rests on the latest sampled run; a resting run waits (held) while
 * that culture is pending, takes its negative verdict, and is held with it, and with every run resting on it, when it
 * turns positive.
 */
@Service
@Transactional(readOnly = true)
public class SamplingPlans {

    static final String RECORD_TYPE = "LabRunPlan";

    /** The hold of a run resting on a sampled run whose culture is still pending. */
    public static final String HOLD_WAITS = "lab.plan.waitsForSampledRun";

    /** The hold of a sampled run and the runs resting on it once its culture is positive. */
    public static final String HOLD_POSITIVE = "lab.plan.sampledRunPositive";

    /** The end reason of a resting run's wait when the sampled run's culture was negative. */
    static final String HOLD_ENDED_NEGATIVE = "lab.plan.hold.sampledRunNegative";

    private final RunPlanRepository plans;
    private final LabSampleRepository samples;
    private final Standards standards;
    private final Holds holds;
    private final History history;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SamplingPlans(
            RunPlanRepository plans,
            LabSampleRepository samples,
            Standards standards,
            Holds holds,
            History history,
            ApplicationEventPublisher events,
            Clock clock) {
        this.plans = plans;
        this.samples = samples;
        this.standards = standards;
        this.holds = holds;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Decides, for a run just recorded (passed, bottled), whether it needs its own post-culture (the caller places the
     * culture hold as for every sampled run) or rests on the latest sampled run: then it has no culture hold of its
     * own; it waits under a hold naming that run while that culture is pending, and takes its verdict at once when it
     * is negative ({@link RunRestsOnCulture}). Deciding twice for one run returns the first decision.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RunPlanView planRun(UUID runId, String runLabel, Instant endedAt) {
        Optional<RunPlan> decided = plans.findById(runId);
        if (decided.isPresent()) {
            return view(decided.get());
        }
        StandardProfile profile = standards.activeProfile();
        SamplingPlan plan = SamplingPlan.of(profile);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(endedAt == null ? now : endedAt, clock.getZone());
        Optional<RunPlan> last = plans.findFirstBySampledTrueOrderByDecidedAtDesc();
        SamplingPlan.Decision decision = plan.decide(last.map(this::asLast), day);
        UUID restsOn = decision.sampled() ? null : last.orElseThrow().runId();
        RunPlan run =
                RunPlan.decided(runId, runLabel, day, decision, restsOn, profile.code(), CurrentActor.username(), now);
        plans.save(run);
        if (decision.sampled()) {
            history.record(
                    RECORD_TYPE, runId, Said.of("lab.plan.history.sampled", runLabel, reasonSaid(run), profile.code()));
            return view(run);
        }
        RunPlan basis = last.get();
        BasisCulture culture = cultureOf(basis.runId());
        history.record(
                RECORD_TYPE,
                runId,
                Said.of(
                        "lab.plan.history.restsOn",
                        runLabel,
                        basis.runLabel(),
                        decision.runsSince(),
                        decision.daysSince(),
                        profile.code()));
        if (culture == BasisCulture.PENDING) {
            holds.placeOnUnits(HoldKind.CULTURE, List.of(runId), HOLD_WAITS, List.of(basis.runLabel()), null, null);
        } else {
            events.publishEvent(new RunRestsOnCulture(runId, basis.runId(), basis.runLabel(), true, now));
        }
        return view(run);
    }

    /**
     * The sampled run's culture was judged (in the lab's transaction). Negative: every run resting on it and waiting
     * is no longer held and takes the negative verdict. Positive: the sampled run and every run resting on it (waiting
     * or released on its strength) are held, with a reason naming the sampled run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void sampledRunJudged(UUID runId, boolean passed) {
        Optional<RunPlan> sampled = plans.findById(runId).filter(RunPlan::sampled);
        if (sampled.isEmpty()) {
            return;
        }
        List<RunPlan> resting = plans.findByRestsOnOrderByDecidedAt(runId);
        if (resting.isEmpty()) {
            return;
        }
        RunPlan basis = sampled.get();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (passed) {
            for (RunPlan r : resting) {
                endWaiting(r.runId(), HoldOutcome.PASSED, HOLD_ENDED_NEGATIVE);
                events.publishEvent(new RunRestsOnCulture(r.runId(), runId, basis.runLabel(), true, now));
            }
            return;
        }
        // the waiting holds stay: nothing is lifted; the positive culture's hold is placed beside them
        List<UUID> held = new java.util.ArrayList<>();
        held.add(runId);
        resting.forEach(r -> held.add(r.runId()));
        holds.placeOnUnits(HoldKind.CULTURE, held, HOLD_POSITIVE, List.of(basis.runLabel()), null, null);
        for (RunPlan r : resting) {
            events.publishEvent(new RunRestsOnCulture(r.runId(), runId, basis.runLabel(), false, now));
        }
        history.record(
                RECORD_TYPE,
                runId,
                Said.of(
                        "lab.plan.history.sampledRunPositive",
                        basis.runLabel(),
                        resting.stream().map(RunPlan::runLabel).toList()));
    }

    /**
     * Ends the unit's own culture holds that a culture of its own settles (its pending culture, its wait for a sampled
     * run); a hold placed because the sampled run it rests on was positive stays until the bank decides.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void endOwnCultureHolds(UUID unitId, HoldOutcome outcome, String reason) {
        holds.activeOn(unitId).stream()
                .filter(h -> h.kind() == HoldKind.CULTURE && unitId.equals(h.unitId()))
                .filter(h -> !HOLD_POSITIVE.equals(h.reasonCode()))
                .forEach(h -> holds.end(h.id(), outcome, reason));
    }

    private void endWaiting(UUID runId, HoldOutcome outcome, String reason) {
        holds.activeOn(runId).stream()
                .filter(h -> h.kind() == HoldKind.CULTURE && runId.equals(h.unitId()))
                .filter(h -> HOLD_WAITS.equals(h.reasonCode()))
                .forEach(h -> holds.end(h.id(), outcome, reason));
    }

    /** The plan's decision for the run, if one was made (runs recorded before the plan have none). */
    public Optional<RunPlanView> of(UUID runId) {
        return plans.findById(runId).map(this::view);
    }

    /** The plan's decisions for many runs at once. */
    public Map<UUID, RunPlanView> of(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return plans.findByRunIdIn(runIds).stream().collect(Collectors.toMap(RunPlan::runId, this::view));
    }

    /** The runs resting on a sampled run, in the order they were recorded. */
    public List<RunPlanView> restingOn(UUID sampledRunId) {
        return plans.findByRestsOnOrderByDecidedAt(sampledRunId).stream()
                .map(this::view)
                .toList();
    }

    /** The plan as it stands today. */
    public PlanState state() {
        StandardProfile profile = standards.activeProfile();
        SamplingPlan plan = SamplingPlan.of(profile);
        LocalDate today = LocalDate.now(clock);
        Optional<RunPlan> last = plans.findFirstBySampledTrueOrderByDecidedAtDesc();
        Optional<SamplingPlan.Last> counted = last.map(this::asLast);
        SamplingPlan.Decision next = plan.decide(counted, today);
        return new PlanState(
                profile.code(),
                plan.rule(),
                plan.everyRuns(),
                plan.everyDays(),
                profile.preCultureRequired(),
                last.map(RunPlan::runId).orElse(null),
                last.map(RunPlan::runLabel).orElse(null),
                last.map(RunPlan::runDay).orElse(null),
                counted.map(SamplingPlan.Last::culture).orElse(null),
                counted.map(SamplingPlan.Last::runsSince).orElse(null),
                counted.map(l -> (int) Math.max(0, ChronoUnit.DAYS.between(l.day(), today)))
                        .orElse(null),
                counted.flatMap(plan::runsLeft).orElse(null),
                counted.flatMap(plan::dueOn).orElse(null),
                next.sampled(),
                next.reason());
    }

    /** The decision's reason as a history or page argument, with its counts; empty for a resting run. */
    public static Said reasonSaid(RunPlanView plan) {
        return plan.reason() == null
                ? Said.code("lab.plan.reason.none")
                : reasonSaid(plan.reason(), plan.runsSince(), plan.daysSince());
    }

    private static Said reasonSaid(RunPlan plan) {
        return reasonSaid(plan.reason(), plan.runsSince(), plan.daysSince());
    }

    public static Said reasonSaid(SamplingReason reason, int runs, Integer days) {
        return switch (reason) {
            case RUN_COUNT -> Said.of("lab.plan.reason.runCount", runs);
            case DAYS -> Said.of("lab.plan.reason.days", days == null ? 0 : days);
            default -> Said.label(reason);
        };
    }

    private SamplingPlan.Last asLast(RunPlan sampled) {
        return new SamplingPlan.Last(
                sampled.runDay(), (int) plans.countByRestsOn(sampled.runId()), cultureOf(sampled.runId()));
    }

    /** Where the run's own post-culture stands: positive if any failed, negative if one passed, else pending. */
    BasisCulture cultureOf(UUID runId) {
        List<LabSample> cultures = samples.findByUnitIdOrderByTakenAt(runId).stream()
                .filter(s -> s.purpose() == SamplePurpose.POST_CULTURE)
                .toList();
        if (cultures.stream().anyMatch(s -> s.verdict() == SampleView.Verdict.FAIL)) {
            return BasisCulture.POSITIVE;
        }
        if (cultures.stream().anyMatch(s -> s.verdict() == SampleView.Verdict.PASS)) {
            return BasisCulture.NEGATIVE;
        }
        return BasisCulture.PENDING;
    }

    private RunPlanView view(RunPlan plan) {
        String basisLabel = plan.restsOn() == null
                ? null
                : plans.findById(plan.restsOn()).map(RunPlan::runLabel).orElse(null);
        return new RunPlanView(
                plan.runId(),
                plan.runLabel(),
                plan.runDay(),
                plan.sampled(),
                plan.reason(),
                plan.runsSince(),
                plan.daysSince(),
                plan.restsOn(),
                basisLabel,
                cultureOf(plan.restsOn() == null ? plan.runId() : plan.restsOn()),
                plan.profileCode(),
                plan.decidedAt());
    }
}
