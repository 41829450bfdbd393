package org.openmilkbank.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.lab.CultureCount;
import org.openmilkbank.lab.CultureJudged;
import org.openmilkbank.lab.LabManagement;
import org.openmilkbank.lab.Organism;
import org.openmilkbank.lab.SamplePurpose;
import org.openmilkbank.lab.SampleView;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldKind;
import org.openmilkbank.traceability.HoldOutcome;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pools: mixing raw containers under the active standard's donor limit, and the culture before pasteurisation. */
@Service
@Transactional(readOnly = true)
public class PoolManagement {

    static final String RECORD_TYPE = "Pool";
    /** The culture hold's reason while the pool waits for its culture, and the end reason when it passed. */
    static final String CULTURE_PENDING = "culture.pending";

    private final PoolRepository pools;
    private final RawMilk rawMilk;
    private final DinIssuer dins;
    private final Standards standards;
    private final History history;
    private final MilkGate milkGate;
    private final Holds holds;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource messages;
    private final LabManagement lab;
    private final PoolVolumes volumes;

    PoolManagement(
            PoolRepository pools,
            RawMilk rawMilk,
            DinIssuer dins,
            Standards standards,
            History history,
            MilkGate milkGate,
            Holds holds,
            ApplicationEventPublisher events,
            Clock clock,
            MessageSource messages,
            LabManagement lab,
            PoolVolumes volumes) {
        this.volumes = volumes;
        this.lab = lab;
        this.messages = messages;
        this.milkGate = milkGate;
        this.holds = holds;
        this.events = events;
        this.pools = pools;
        this.rawMilk = rawMilk;
        this.dins = dins;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    /** The name of the scanned container list in a pool request: refusals about the containers name it. */
    public static final String DINS = "dins";

    /** The name of the time a pool was made in a pool request: a time the gate refuses names it. */
    public static final String MADE_AT = "madeAt";

    /**
     * Mixes the containers into a new pool: the raw store takes them (locked, each asked of the safety gate), the
     * pool joins the lineage with each container as its parent, and a pool whose profile asks for a culture before
     * pasteurisation is held until the culture passes.
     */
    @Transactional
    public PoolView createPool(List<UUID> containerIds) {
        return createPool(containerIds, null);
    }

    /**
     * A pool recorded after it was made: {@code madeAt} is when the containers were mixed ({@code null}: now). The
     * gate refuses a time before any of its containers was received or expressed, or in the future.
     */
    @Transactional
    public PoolView createPool(List<UUID> containerIds, Instant madeAt) {
        Pool.checkSelection(containerIds);
        StandardProfile profile = standards.activeProfile();
        UUID poolId = UUID.randomUUID();
        Instant now = (madeAt == null ? Instant.now(clock) : madeAt).truncatedTo(ChronoUnit.MICROS);
        Din din = dins.next();
        // the raw store refuses unusable containers and locks them; a refusal below rolls their taking back
        List<RawContainerView> taken = rawMilk.takeForPool(containerIds, poolId, din, now);
        Pool pool = Pool.create(poolId, din, taken, profile, CurrentActor.username(), now);
        pools.save(pool);
        events.publishEvent(new ContainersPooled(
                poolId,
                din,
                now,
                pool.donorCount(),
                taken.stream()
                        .map(c -> new ContainersPooled.Part(c.id(), c.volumeMl()))
                        .toList()));
        if (pool.state() == PoolState.AWAITING_PRE_CULTURE) {
            holds.placeOnUnits(HoldKind.CULTURE, List.of(poolId), CULTURE_PENDING, List.of(), null, null);
        }
        PoolView view = view(pool);
        history.record(
                RECORD_TYPE,
                poolId,
                Said.of(
                        "processing.history.created",
                        din,
                        taken.size(),
                        view.donorCount(),
                        view.volumeMl(),
                        profile.code(),
                        Said.code("processing.state." + view.state().name())));
        return view;
    }

    /** Creates a pool from scanned container DINs (13 or 14 characters, or ISBT data structures). */
    @Transactional
    public PoolView createPoolFromDins(List<String> containerDins) {
        return createPoolFromDins(containerDins, null);
    }

    /** As {@link #createPoolFromDins(List)}, recorded after the pool was made at {@code madeAt} ({@code null}: now). */
    @Transactional
    public PoolView createPoolFromDins(List<String> containerDins, Instant madeAt) {
        List<RawContainerView> containers = resolveForPool(containerDins);
        try {
            return createPool(containers.stream().map(RawContainerView::id).toList(), madeAt);
        } catch (RuleViolation refused) {
            // a refusal about the containers (taken meanwhile, too many donors) is about the scanned list
            if (refused.field().isPresent()) {
                throw refused;
            }
            boolean aboutTheTime = !refused.reasons().isEmpty()
                    && refused.reasons().stream().allMatch(r -> r.getCodes()[0].startsWith("gate.time."));
            throw refused.on(aboutTheTime ? MADE_AT : DINS);
        }
    }

    /**
     * Checks scanned container DINs for a new pool without taking anything: each known, raw frozen, listed once and
     * allowed by the safety gate now (its refusal names every reason), and the donors within the active standard's
     * limit. Refuses naming the first container at fault.
     */
    public List<RawContainerView> resolveForPool(List<String> containerDins) {
        try {
            return resolve(containerDins);
        } catch (RuleViolation refused) {
            // every refusal here is about the scanned list, and names the container at fault
            throw refused.on(DINS);
        }
    }

    private List<RawContainerView> resolve(List<String> containerDins) {
        if (containerDins == null || containerDins.isEmpty()) {
            throw new RuleViolation("processing.pool.empty");
        }
        StandardProfile profile = standards.activeProfile();
        Set<String> seen = new HashSet<>();
        Set<UUID> donors = new HashSet<>();
        List<RawContainerView> containers = new ArrayList<>();
        for (String scanned : containerDins) {
            Din din = Din.parse(scanned);
            if (!seen.add(din.value())) {
                throw new RuleViolation("processing.pool.containerTwice", din.withCheck());
            }
            RawContainerView container = rawMilk.findByDin(din.value())
                    .orElseThrow(() -> new RuleViolation("processing.pool.containerUnknown", din.withCheck()));
            if (container.state() != ContainerState.RAW_FROZEN) {
                throw new RuleViolation("processing.pool.containerNotUsable", din.withCheck(), container.state());
            }
            // holds on it, its donor's windows, its age: the gate's answer as it stands, every reason named
            milkGate.preview(container.id(), GateUse.POOL).orThrow();
            donors.add(container.donorId());
            if (donors.size() > profile.poolMaxDonors()) {
                throw new RuleViolation(
                        "processing.pool.tooManyDonors", donors.size(), profile.poolMaxDonors(), profile.name());
            }
            containers.add(container);
        }
        return containers;
    }

    /**
     * Records the culture before pasteurisation through the lab, sampled now: the lab takes a sample from the pool
     * and records one read of these counts. Kept for the API's older callers; the lab's own pages and API take the
     * sample first and read it after its incubation. A negative read before the profile's minimum incubation is
     * refused.
     */
    @Transactional
    public PoolView recordPreCulture(UUID poolId, long totalCfu, Long enterobacteriaceaeCfu, Long staphAureusCfu) {
        return recordPreCulture(poolId, totalCfu, enterobacteriaceaeCfu, staphAureusCfu, null);
    }

    /** As {@link #recordPreCulture(UUID, long, Long, Long)}, the sample taken (and incubated from) {@code sampledAt}. */
    @Transactional
    public PoolView recordPreCulture(
            UUID poolId, long totalCfu, Long enterobacteriaceaeCfu, Long staphAureusCfu, Instant sampledAt) {
        Pool pool = lock(poolId);
        if (pool.state() != PoolState.AWAITING_PRE_CULTURE) {
            throw new RuleViolation("processing.preCulture.notAwaiting", pool.displayDin(), pool.state());
        }
        List<CultureCount> counts = new ArrayList<>();
        counts.add(CultureCount.of(Organism.TOTAL_VIABLE_COUNT, totalCfu));
        if (enterobacteriaceaeCfu != null) {
            counts.add(CultureCount.of(Organism.ENTEROBACTERIACEAE, enterobacteriaceaeCfu));
        }
        if (staphAureusCfu != null) {
            counts.add(CultureCount.of(Organism.STAPH_AUREUS, staphAureusCfu));
        }
        SampleView sample = lab.takeSample(pool.din(), SamplePurpose.PRE_CULTURE, null, sampledAt, null);
        lab.recordRead(sample.id(), counts, null);
        return view(lock(poolId));
    }

    /**
     * The lab judged the pool's culture before pasteurisation (same transaction): a passed pool is ready, a failed
     * one is discarded, with why; the lineage hears it. The lab ended the culture hold.
     */
    @EventListener
    public void on(CultureJudged judged) {
        if (judged.purpose() != SamplePurpose.PRE_CULTURE) {
            return;
        }
        Optional<Pool> found = pools.lockById(judged.unitId());
        if (found.isEmpty()) {
            return;
        }
        Pool pool = found.get();
        if (pool.takeCultureVerdict(judged.passed(), judged.failures()) && pool.state() == PoolState.DISCARDED) {
            // what is left of it goes with it; bottles a run already filled are the run's to recall
            volumes.discardRemainder(pool, RemainderReason.CULTURE_FAILED, null, false);
        }
        events.publishEvent(new PoolCultureRecorded(
                pool.id(),
                judged.judgedAt(),
                judged.passed(),
                count(judged, Organism.TOTAL_VIABLE_COUNT).orElse(judged.largestCount()),
                count(judged, Organism.ENTEROBACTERIACEAE).orElse(null),
                count(judged, Organism.STAPH_AUREUS).orElse(null)));
        history.record(
                RECORD_TYPE,
                pool.id(),
                Said.of(
                        judged.passed() ? "processing.history.labCulturePassed" : "processing.history.labCultureFailed",
                        Din.parse(pool.din()),
                        judged.failures(),
                        judged.profileCode(),
                        Said.code("processing.state." + pool.state().name())));
    }

    private static Optional<Long> count(CultureJudged judged, Organism organism) {
        return judged.counts().stream()
                .filter(c -> c.organism() == organism)
                .map(CultureCount::cfuPerMl)
                .findFirst();
    }

    @Transactional
    public PoolView discard(UUID poolId, String reason) {
        Pool pool = lock(poolId);
        pool.discard(reason);
        volumes.discardRemainder(pool, RemainderReason.POOL_DISCARDED, reason, true);
        history.recordCorrection(
                RECORD_TYPE, poolId, Said.of("processing.history.discarded", Din.parse(pool.din())), reason);
        events.publishEvent(new PoolDiscarded(poolId, Instant.now(clock)));
        // a culture it still waited for will never be needed
        holds.endOnUnit(poolId, HoldKind.CULTURE, HoldOutcome.DISCARDED, PoolDiscarded.REASON);
        return view(pool);
    }

    /** The pool's milk went through a passed pasteurisation run; only a READY pool can be. */
    @Transactional
    public PoolView markPasteurised(UUID poolId, UUID runId) {
        Pool pool = lock(poolId);
        pool.markPasteurised();
        history.record(RECORD_TYPE, poolId, Said.of("processing.history.pasteurised", Din.parse(pool.din())));
        return view(pool);
    }

    /**
     * The pool, locked until the caller's transaction ends, so two runs recorded on it queue one behind the other;
     * the caller then asks the safety gate, which sees a hold placed meanwhile or makes it wait.
     */
    @Transactional
    public Optional<PoolView> lockForPasteurisation(UUID poolId) {
        return pools.lockById(poolId).map(this::view);
    }

    public Optional<PoolView> find(UUID poolId) {
        return pools.findById(poolId).map(this::view);
    }

    /** A pool by its DIN as scanned (13 or 14 characters). */
    public Optional<PoolView> findByDin(String din) {
        return pools.findByDin(Din.parse(din).value()).map(this::view);
    }

    /** Pools in the state, newest first; {@code null} lists all. */
    public List<PoolView> list(PoolState state) {
        List<Pool> found =
                state == null ? pools.findAllByOrderByCreatedAtDesc() : pools.findByStateOrderByCreatedAtDesc(state);
        java.util.Map<UUID, List<SampleView>> samples =
                lab.samplesOf(found.stream().map(Pool::id).toList());
        return found.stream()
                .map(p -> withCulture(
                        p.view().rendered(messages),
                        samples.getOrDefault(p.id(), List.of()).stream()
                                .filter(x -> x.purpose() == SamplePurpose.PRE_CULTURE)
                                .reduce((a, b) -> b)))
                .toList();
    }

    private Pool lock(UUID poolId) {
        return pools.lockById(poolId).orElseThrow(() -> new NotFound("processing.pool.notFound", poolId));
    }

    /** The active holds of many pools at once (for lists and badges): one query. */
    public java.util.Map<UUID, List<HoldView>> activeHolds(List<UUID> poolIds) {
        return holds.activeOn(poolIds);
    }

    /** The active holds of one pool: its own, its containers', its donors' windows. */
    public List<HoldView> activeHolds(UUID poolId) {
        return holds.activeOn(poolId);
    }

    /** The pool as pages and the API see it, its discard reason in the reader's language, its lab culture. */
    private PoolView view(Pool pool) {
        return withCulture(pool.view().rendered(messages), lab.latestCulture(pool.id(), SamplePurpose.PRE_CULTURE));
    }

    private static PoolView withCulture(PoolView view, Optional<SampleView> sample) {
        return sample.map(s -> view.withPreCulture(culture(s))).orElse(view);
    }

    /** The lab's sample as the pool's culture summary: the counts of its standing read. */
    static PoolView.PreCulture culture(SampleView s) {
        List<CultureCount> counts = s.currentRead().map(SampleView.Read::counts).orElse(List.of());
        java.util.function.Function<Organism, Long> of = o -> counts.stream()
                .filter(c -> c.organism() == o)
                .map(CultureCount::cfuPerMl)
                .findFirst()
                .orElse(null);
        return new PoolView.PreCulture(
                of.apply(Organism.TOTAL_VIABLE_COUNT),
                of.apply(Organism.ENTEROBACTERIACEAE),
                of.apply(Organism.STAPH_AUREUS),
                s.judged() ? s.passed() : null,
                s.judgedAt(),
                s.currentRead().map(SampleView.Read::readBy).orElse(null),
                s.id(),
                s.codeWithCheck());
    }
}
