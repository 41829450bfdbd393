package org.openmilkbank.lab;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.lab.procedure.Procedure;
import org.openmilkbank.lab.procedure.Procedures;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.InvalidDinException;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.CodeLookup;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.openmilkbank.traceability.Verdict;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Culture samples of milk units: taking a sample from a scanned unit, recording reads, amending them. A verdict ends
 * the unit's culture hold (passed, or discarded) and is told to the unit's module by {@link CultureJudged}, handled
 * in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class LabManagement {

    static final String RECORD_TYPE = "LabSample";

    private final LabSampleRepository samples;
    private final CodeLookup codes;
    private final DinIssuer dins;
    private final Standards standards;
    private final History history;
    private final Holds holds;
    private final MilkGate gate;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Procedures procedures;
    private final SamplingPlans plans;

    LabManagement(
            LabSampleRepository samples,
            CodeLookup codes,
            DinIssuer dins,
            Standards standards,
            History history,
            Holds holds,
            MilkGate gate,
            ApplicationEventPublisher events,
            Clock clock,
            Procedures procedures,
            SamplingPlans plans) {
        this.procedures = procedures;
        this.plans = plans;
        this.samples = samples;
        this.codes = codes;
        this.dins = dins;
        this.standards = standards;
        this.history = history;
        this.holds = holds;
        this.gate = gate;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Takes a sample from the unit scanned ({@code unitCode}: a DIN with or without its check character, or a run's
     * code {@code <pool DIN>-R<n>}) at {@code takenAt} ({@code null}: now), its incubation started at
     * {@code incubationStartedAt} ({@code null}: when taken). A pre-culture is taken from a pool, a post-culture from
     * a run or one of its bottles; a time before the unit existed is refused on {@code takenAt}.
     */
    @Transactional
    public SampleView takeSample(
            String unitCode,
            SamplePurpose purpose,
            CultureMedium medium,
            Instant takenAt,
            Instant incubationStartedAt) {
        return takeSample(unitCode, purpose, medium, takenAt, incubationStartedAt, null);
    }

    /**
     * As {@link #takeSample(String, SamplePurpose, CultureMedium, Instant, Instant)}, the plates incubating at
     * {@code incubationTemperatureC} ({@code null}: the profile's temperature); a temperature outside the profile's
     * tolerance is refused on {@code incubationTemperatureC}.
     */
    @Transactional
    public SampleView takeSample(
            String unitCode,
            SamplePurpose purpose,
            CultureMedium medium,
            Instant takenAt,
            Instant incubationStartedAt,
            java.math.BigDecimal incubationTemperatureC) {
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        CodeLookup.Match unit = codes.find(unitCode)
                .filter(m -> m.label() != null)
                .orElseThrow(() -> new RuleViolation(
                                "lab.culture.sample.unitUnknown", unitCode == null ? "" : unitCode.strip())
                        .on("unitCode"));
        if (purpose == null) {
            throw new RuleViolation("lab.culture.sample.purposeRequired").on("purpose");
        }
        boolean fits = purpose == SamplePurpose.PRE_CULTURE
                ? unit.kind() == CodeLookup.Kind.POOL
                : unit.kind() == CodeLookup.Kind.RUN || unit.kind() == CodeLookup.Kind.BOTTLE;
        if (!fits) {
            throw new RuleViolation("lab.culture.sample.wrongUnit", unit.label(), Said.label(purpose)).on("unitCode");
        }
        Instant taken = (takenAt == null ? now : takenAt).truncatedTo(ChronoUnit.MICROS);
        // a time that cannot be true for the unit (before it existed) is the gate's to say
        Verdict times = gate.check(
                unit.id(), purpose == SamplePurpose.PRE_CULTURE ? GateUse.PASTEURISE : GateUse.RELEASE, taken);
        List<Verdict.Reason> impossible = times.reasons().stream()
                .filter(r -> r.code().startsWith("gate.time."))
                .toList();
        if (!impossible.isEmpty()) {
            throw new RuleViolation("lab.culture.sample.timeImpossible", impossible, unit.label()).on("takenAt");
        }
        LabSample sample = LabSample.take(
                dins.next(),
                new SampledUnit(unit.id(), unit.kind().name(), unit.label()),
                purpose,
                medium,
                taken,
                incubationStartedAt == null ? null : incubationStartedAt.truncatedTo(ChronoUnit.MICROS),
                CurrentActor.username(),
                now);
        StandardProfile active = standards.activeProfile();
        sample.incubatedAt(incubationTemperatureC, active);
        String profile = active.code();
        sample.followed(
                profile,
                procedures.currentVersion(
                        profile, Procedure.ofCode(purpose.procedure()).orElseThrow()));
        samples.save(sample);
        history.record(
                RECORD_TYPE,
                sample.id(),
                Said.of(
                        "lab.culture.history.sampleTakenAt",
                        sample.displayCode(),
                        Said.label(purpose),
                        unit.label(),
                        medium == null ? Said.code("lab.culture.medium.none") : Said.label(medium),
                        taken.toString(),
                        Said.label(Procedure.ofCode(purpose.procedure()).orElseThrow()),
                        sample.procedureVersion(),
                        sample.incubationTemperatureC()));
        return view(sample);
    }

    /**
     * Records a read of the sample's plates at {@code readAt} ({@code null}: now) and judges it by the active
     * profile. A read that passes before the profile's minimum incubation is refused on {@code readAt}.
     */
    @Transactional
    public SampleView recordRead(UUID sampleId, List<CultureCount> counts, Instant readAt) {
        return judgeRead(lock(sampleId), counts, readAt, CurrentActor.username(), null, 0);
    }

    /**
     * A read imported from a file: exactly as one entered (the same rules, verdict, holds and events), read by
     * {@code reader}, kept with the file and row it came from; the importing person is the history's actor.
     */
    @Transactional
    SampleView importRead(
            UUID sampleId, List<CultureCount> counts, Instant readAt, String reader, UUID importId, int row) {
        return judgeRead(lock(sampleId), counts, readAt, reader, importId, row);
    }

    private SampleView judgeRead(
            LabSample sample, List<CultureCount> counts, Instant readAt, String by, UUID importId, int row) {
        UUID sampleId = sample.id();
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        CultureVerdict.Result result = sample.read(
                counts, readAt == null ? null : readAt.truncatedTo(ChronoUnit.MICROS), profile, by, now, importId, row);
        history.record(
                RECORD_TYPE,
                sampleId,
                Said.of(
                        result.passed() ? "lab.culture.history.passed" : "lab.culture.history.failed",
                        sample.displayCode(),
                        sample.unitLabel(),
                        describe(counts),
                        result.failures(),
                        profile.code()));
        plans.endOwnCultureHolds(
                sample.unitId(),
                result.passed() ? HoldOutcome.PASSED : HoldOutcome.DISCARDED,
                result.passed() ? CultureJudged.PASSED : CultureJudged.FAILED);
        events.publishEvent(new CultureJudged(
                sampleId,
                sample.unitId(),
                sample.purpose(),
                result.passed(),
                result.failures(),
                List.copyOf(counts),
                sample.takenAt(),
                now,
                profile.code()));
        if (sample.purpose() == SamplePurpose.POST_CULTURE) {
            plans.sampledRunJudged(sample.unitId(), result.passed());
        }
        return view(sample);
    }

    /**
     * Corrects the standing read with a reason; the read it corrects is kept, superseded. The verdict may not turn
     * (a milk moved on by it is recalled instead).
     */
    @Transactional
    public SampleView amendRead(UUID sampleId, List<CultureCount> counts, String reason) {
        LabSample sample = lock(sampleId);
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<CultureCount> before = sample.currentCounts();
        sample.amend(counts, reason, profile, CurrentActor.username(), now);
        history.recordCorrection(
                RECORD_TYPE,
                sampleId,
                Said.of("lab.culture.history.amended", sample.displayCode(), describe(before), describe(counts)),
                reason.strip());
        return view(sample);
    }

    public Optional<SampleView> find(UUID sampleId) {
        return samples.findById(sampleId).map(this::view);
    }

    /** A sample by its code as scanned (its DIN, 13 or 14 characters or an ISBT data structure). */
    public Optional<SampleView> findByCode(String code) {
        try {
            return samples.findByCode(Din.parse(code).value()).map(this::view);
        } catch (InvalidDinException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** Every sample of the unit, oldest first. */
    public List<SampleView> samplesOf(UUID unitId) {
        return samples.findByUnitIdOrderByTakenAt(unitId).stream()
                .map(this::view)
                .toList();
    }

    /** The unit's latest culture sample for that purpose, if it has one: what pool and run pages summarise. */
    public Optional<SampleView> latestCulture(UUID unitId, SamplePurpose purpose) {
        return samples.findByUnitIdOrderByTakenAt(unitId).stream()
                .filter(s -> s.purpose() == purpose)
                .reduce((a, b) -> b)
                .map(this::view);
    }

    /** Samples not judged yet, oldest first. */
    public List<SampleView> open() {
        return samples.findByVerdictIsNullOrderByTakenAt().stream()
                .map(this::view)
                .toList();
    }

    /** The latest judged samples, newest first. */
    public List<SampleView> recentlyJudged() {
        return samples.findTop50ByVerdictIsNotNullOrderByJudgedAtDesc().stream()
                .map(this::view)
                .toList();
    }

    /** The samples of many units at once, by unit (for lists). */
    public java.util.Map<UUID, List<SampleView>> samplesOf(java.util.Collection<UUID> unitIds) {
        java.util.Map<UUID, List<SampleView>> byUnit = new java.util.LinkedHashMap<>();
        if (unitIds.isEmpty()) {
            return byUnit;
        }
        samples.findByUnitIdInOrderByTakenAt(unitIds)
                .forEach(s -> byUnit.computeIfAbsent(s.unitId(), k -> new java.util.ArrayList<>())
                        .add(view(s)));
        return byUnit;
    }

    /** The lab's work lists as they stand now, in the bank's time zone for "today". */
    public LabWorkList workList() {
        StandardProfile profile = standards.activeProfile();
        Instant now = Instant.now(clock);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now, clock.getZone());
        List<LabSample> open = samples.findByVerdictIsNullOrderByTakenAt();
        java.util.Set<UUID> sampled = new java.util.HashSet<>();
        List<HoldView> waiting = holds.activeOnUnitsOfKind(HoldKind.CULTURE);
        samples.findByUnitIdInOrderByTakenAt(
                        waiting.stream().map(HoldView::unitId).toList())
                .forEach(s -> sampled.add(s.unitId()));
        List<LabWorkList.Due> due = new java.util.ArrayList<>();
        java.util.Map<UUID, RunPlanView> planned = plans.of(waiting.stream()
                .map(HoldView::unitId)
                .filter(java.util.Objects::nonNull)
                .toList());
        for (HoldView hold : waiting) {
            // a run resting on a sampled run waits for that run's culture, not for a sample of its own
            if (hold.unitId() == null
                    || sampled.contains(hold.unitId())
                    || SamplingPlans.HOLD_WAITS.equals(hold.reasonCode())
                    || SamplingPlans.HOLD_POSITIVE.equals(hold.reasonCode())) {
                continue;
            }
            codes.find(hold.unitLabel()).ifPresent(unit -> {
                boolean pool = unit.kind() == CodeLookup.Kind.POOL;
                SamplePurpose purpose = pool ? SamplePurpose.PRE_CULTURE : SamplePurpose.POST_CULTURE;
                Said reason = pool
                        ? Said.label(SamplingReason.EVERY_POOL)
                        : java.util.Optional.ofNullable(planned.get(hold.unitId()))
                                .filter(RunPlanView::sampled)
                                .map(SamplingPlans::reasonSaid)
                                .orElse(Said.label(SamplingReason.EVERY_RUN));
                if (due.stream().noneMatch(d -> d.unitId().equals(hold.unitId()))) {
                    due.add(new LabWorkList.Due(hold.unitId(), unit.label(), purpose, hold.placedAt(), reason));
                }
            });
        }
        List<Integer> readHours = profile.cultureReadHours().isEmpty()
                ? List.of(profile.cultureMinIncubationHours())
                : profile.cultureReadHours();
        List<LabWorkList.Open> incubating = new java.util.ArrayList<>();
        List<LabWorkList.Open> toRead = new java.util.ArrayList<>();
        List<LabWorkList.Open> overdue = new java.util.ArrayList<>();
        for (LabSample s : open) {
            SampleView view = s.view(profile);
            Instant start = view.incubationStartedAt();
            java.time.Duration left = now.isBefore(view.readableFrom())
                    ? java.time.Duration.between(now, view.readableFrom())
                    : java.time.Duration.ZERO;
            Instant last = start.plus(java.time.Duration.ofHours(
                    Math.max(readHours.get(readHours.size() - 1), profile.cultureMinIncubationHours())));
            Instant next = readHours.stream()
                    .map(h -> start.plus(java.time.Duration.ofHours(h)))
                    .filter(t -> !t.isBefore(now))
                    .findFirst()
                    .orElse(last);
            LabWorkList.Open item = new LabWorkList.Open(view, left, next);
            if (!left.isZero()) {
                incubating.add(item);
            }
            boolean lastReadBeforeToday =
                    java.time.LocalDate.ofInstant(last, clock.getZone()).isBefore(today);
            if (lastReadBeforeToday) {
                overdue.add(item);
            } else if (!left.isZero()
                            && readHours.stream()
                                    .map(h -> java.time.LocalDate.ofInstant(
                                            start.plus(java.time.Duration.ofHours(h)), clock.getZone()))
                                    .anyMatch(today::equals)
                    || left.isZero()) {
                toRead.add(item);
            }
        }
        return new LabWorkList(due, incubating, toRead, overdue);
    }

    private LabSample lock(UUID sampleId) {
        return samples.lockById(sampleId).orElseThrow(() -> new NotFound("lab.culture.sample.notFound", sampleId));
    }

    private SampleView view(LabSample sample) {
        return sample.view(standards.activeProfile());
    }

    /** Counts as a history argument: each organism with its count, joined by "; " when rendered. */
    static List<Said> describe(List<CultureCount> counts) {
        if (counts == null) {
            return List.of();
        }
        return counts.stream()
                .map(c -> Said.of(
                        "lab.culture.count",
                        c.organism() == Organism.OTHER ? c.otherName() : Said.label(c.organism()),
                        c.cfuPerMl()))
                .toList();
    }
}
