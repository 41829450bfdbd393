package org.openmilkbank.processing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openmilkbank.collection.ContainerState;
import org.openmilkbank.collection.RawContainerView;
import org.openmilkbank.collection.RawMilk;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.CurrentActor;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.standards.Standards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pools: mixing raw containers under the active standard's donor limit, and the culture before pasteurisation. */
@Service
@Transactional(readOnly = true)
public class PoolManagement {

    static final String RECORD_TYPE = "Pool";

    private final PoolRepository pools;
    private final RawMilk rawMilk;
    private final DinIssuer dins;
    private final Standards standards;
    private final History history;
    private final Clock clock;

    PoolManagement(
            PoolRepository pools, RawMilk rawMilk, DinIssuer dins, Standards standards, History history, Clock clock) {
        this.pools = pools;
        this.rawMilk = rawMilk;
        this.dins = dins;
        this.standards = standards;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public PoolView createPool(List<UUID> containerIds) {
        Pool.checkSelection(containerIds);
        StandardProfile profile = standards.activeProfile();
        UUID poolId = UUID.randomUUID();
        Instant now = Instant.now(clock);
        // the raw store refuses unusable containers and locks them; a refusal below rolls their taking back
        List<RawContainerView> taken = rawMilk.takeForPool(containerIds, poolId, LocalDate.now(clock));
        Pool pool = Pool.create(poolId, dins.next(), taken, profile, CurrentActor.username(), now);
        pools.save(pool);
        PoolView view = pool.view();
        history.record(
                RECORD_TYPE,
                poolId,
                "created",
                "pool " + view.dinWithCheck() + ": " + taken.size() + " containers, " + view.donorCount()
                        + " donor(s), " + view.volumeMl() + " mL, " + profile.code() + ", "
                        + view.state());
        return view;
    }

    /** Creates a pool from scanned container DINs (13 or 14 characters, or ISBT data structures). */
    @Transactional
    public PoolView createPoolFromDins(List<String> containerDins) {
        List<RawContainerView> containers = resolveForPool(containerDins);
        return createPool(containers.stream().map(RawContainerView::id).toList());
    }

    /**
     * Checks scanned container DINs for a new pool without taking anything: each known, usable today and listed
     * once, and the donors within the active standard's limit. Refuses naming the first container at fault.
     */
    public List<RawContainerView> resolveForPool(List<String> containerDins) {
        if (containerDins == null || containerDins.isEmpty()) {
            throw new RuleViolation("processing.pool.empty");
        }
        StandardProfile profile = standards.activeProfile();
        LocalDate today = LocalDate.now(clock);
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
            if (container.expressedOn().isBefore(today.minusDays(profile.rawMaxAgeDays()))) {
                throw new RuleViolation(
                        "processing.pool.containerTooOld",
                        din.withCheck(),
                        container.expressedOn(),
                        profile.rawMaxAgeDays());
            }
            donors.add(container.donorId());
            if (donors.size() > profile.poolMaxDonors()) {
                throw new RuleViolation(
                        "processing.pool.tooManyDonors", donors.size(), profile.poolMaxDonors(), profile.name());
            }
            containers.add(container);
        }
        return containers;
    }

    @Transactional
    public PoolView recordPreCulture(UUID poolId, long totalCfu, Long enterobacteriaceaeCfu, Long staphAureusCfu) {
        Pool pool = lock(poolId);
        StandardProfile profile = standards.activeProfile();
        boolean passed = pool.recordPreCulture(
                new PreCultureResult(totalCfu, enterobacteriaceaeCfu, staphAureusCfu),
                profile,
                CurrentActor.username(),
                Instant.now(clock));
        String counts = "total " + totalCfu + ", Enterobacteriaceae " + orDash(enterobacteriaceaeCfu) + ", S. aureus "
                + orDash(staphAureusCfu) + " CFU/mL (" + profile.code() + ")";
        if (passed) {
            history.record(RECORD_TYPE, poolId, "pre-culture passed", counts + "; READY");
        } else {
            history.recordCorrection(
                    RECORD_TYPE, poolId, "discarded: pre-culture failed", counts, pool.discardReason());
        }
        return pool.view();
    }

    @Transactional
    public PoolView discard(UUID poolId, String reason) {
        Pool pool = lock(poolId);
        pool.discard(reason);
        history.recordCorrection(RECORD_TYPE, poolId, "discarded", "pool " + pool.displayDin(), reason);
        return pool.view();
    }

    /** The pool's milk went through a passed pasteurisation run; only a READY pool can be. */
    @Transactional
    public PoolView markPasteurised(UUID poolId, UUID runId) {
        Pool pool = lock(poolId);
        pool.markPasteurised();
        history.record(RECORD_TYPE, poolId, "pasteurised", "run " + runId);
        return pool.view();
    }

    /**
     * The pool, locked until the caller's transaction ends: a run recorded on it and a block of its milk queue one
     * behind the other, so bottles are never stocked from a pool blocked meanwhile.
     */
    @Transactional
    public Optional<PoolView> lockForPasteurisation(UUID poolId) {
        return pools.lockById(poolId).map(Pool::view);
    }

    public Optional<PoolView> find(UUID poolId) {
        return pools.findById(poolId).map(Pool::view);
    }

    /** A pool by its DIN as scanned (13 or 14 characters). */
    public Optional<PoolView> findByDin(String din) {
        return pools.findByDin(Din.parse(din).value()).map(Pool::view);
    }

    /** Pools in the state, newest first; {@code null} lists all. */
    public List<PoolView> list(PoolState state) {
        return (state == null ? pools.findAllByOrderByCreatedAtDesc() : pools.findByStateOrderByCreatedAtDesc(state))
                .stream().map(Pool::view).toList();
    }

    private Pool lock(UUID poolId) {
        return pools.lockById(poolId).orElseThrow(() -> new NotFound("processing.pool.notFound", poolId));
    }

    private static String orDash(Long value) {
        return value == null ? "-" : value.toString();
    }
}
