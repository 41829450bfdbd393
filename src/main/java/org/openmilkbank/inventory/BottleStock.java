package org.openmilkbank.inventory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.openmilkbank.shared.Said;
import org.openmilkbank.traceability.GateUse;
import org.openmilkbank.traceability.HoldView;
import org.openmilkbank.traceability.Holds;
import org.openmilkbank.traceability.MilkGate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bottle store: every state change is written to the bottle's history in the same transaction. */
@Service
@Transactional(readOnly = true)
class BottleStock implements Inventory {

    static final String RECORD_TYPE = "Bottle";
    /** The lineage's reason code for a bottle a person discarded (her words stay in the bottle's history). */
    static final String DISCARDED_BY_STAFF = "discard.staff";

    private final BottleRepository bottles;
    private final DinIssuer dins;
    private final History history;
    private final Clock clock;
    private final EntityManager entityManager;
    private final MilkGate milkGate;
    private final Holds holds;
    private final ApplicationEventPublisher events;

    BottleStock(
            BottleRepository bottles,
            DinIssuer dins,
            History history,
            Clock clock,
            EntityManager entityManager,
            MilkGate milkGate,
            Holds holds,
            ApplicationEventPublisher events) {
        this.milkGate = milkGate;
        this.holds = holds;
        this.events = events;
        this.bottles = bottles;
        this.dins = dins;
        this.history = history;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Override
    @Transactional
    public List<BottleView> stockQuarantined(UUID runId, UUID poolId, int count, int volumeMl, LocalDate expiresOn) {
        if (count < 1) {
            throw new RuleViolation("inventory.bottle.count.invalid", count);
        }
        if (runId == null || poolId == null || expiresOn == null) {
            throw new IllegalArgumentException("run, pool and expiry are required");
        }
        Instant now = Instant.now(clock);
        List<BottleView> stocked = new ArrayList<>();
        List<BottlesFilled.Filled> filled = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Bottle bottle = bottles.save(Bottle.quarantined(dins.next(), runId, poolId, volumeMl, expiresOn, now));
            filled.add(new BottlesFilled.Filled(bottle.id(), Din.parse(bottle.din()), volumeMl));
            history.record(
                    RECORD_TYPE,
                    bottle.id(),
                    Said.of("inventory.history.stocked", Din.parse(bottle.din()), volumeMl, expiresOn.toString()));
            stocked.add(bottle.view());
        }
        events.publishEvent(new BottlesFilled(runId, filled, expiresOn, now));
        return stocked;
    }

    @Override
    @Transactional
    public List<BottleView> releaseRun(UUID runId, Instant at) {
        List<Bottle> ofRun = bottles.lockByRunId(runId);
        List<Bottle> toRelease =
                ofRun.stream().filter(b -> b.state() == BottleState.QUARANTINE).toList();
        // every bottle is asked, so that the refusal names every reason at once
        List<MessageSourceResolvable> reasons = new ArrayList<>();
        for (Bottle bottle : toRelease) {
            reasons.addAll(milkGate.check(bottle.id(), GateUse.RELEASE, at).reasons());
        }
        if (!reasons.isEmpty()) {
            throw new RuleViolation("inventory.release.refused", reasons);
        }
        List<UUID> released = new ArrayList<>();
        for (Bottle bottle : toRelease) {
            if (bottle.release()) {
                released.add(bottle.id());
                history.record(RECORD_TYPE, bottle.id(), Said.of("inventory.history.released"));
            }
        }
        if (!released.isEmpty()) {
            events.publishEvent(BottlesChanged.released(released, at));
        }
        return views(ofRun);
    }

    @Override
    @Transactional
    public List<BottleView> discardRun(UUID runId, String reasonCode) {
        if (reasonCode == null || reasonCode.isBlank()) {
            throw new RuleViolation("inventory.discard.reason.required");
        }
        List<Bottle> ofRun = bottles.lockByRunId(runId);
        List<UUID> discarded = new ArrayList<>();
        for (Bottle bottle : ofRun) {
            if (bottle.isDiscardable()) {
                bottle.discard(reasonCode);
                discarded.add(bottle.id());
                history.record(
                        RECORD_TYPE,
                        bottle.id(),
                        Said.of(
                                "inventory.history.discardedWithRun",
                                Said.code("inventory.discardReason." + reasonCode)));
            }
        }
        if (!discarded.isEmpty()) {
            events.publishEvent(BottlesChanged.discarded(discarded, reasonCode, Instant.now(clock)));
        }
        return views(ofRun);
    }

    @Override
    public List<BottleView> bottlesOfRun(UUID runId) {
        return views(bottles.findByRunIdOrderByDin(runId));
    }

    @Override
    public Optional<BottleView> findByDin(String din) {
        return bottles.findByDin(din).map(Bottle::view);
    }

    @Override
    public Optional<BottleView> find(UUID bottleId) {
        return bottles.findById(bottleId).map(Bottle::view);
    }

    @Override
    public List<BottleView> dispensable(LocalDate today) {
        List<Bottle> inDate = bottles.dispensable(today);
        // one query for the holds of every bottle: a held bottle is never offered
        Map<UUID, List<HoldView>> held =
                holds.activeOn(inDate.stream().map(Bottle::id).toList());
        Instant now = Instant.now(clock);
        return inDate.stream()
                .filter(b -> held.getOrDefault(b.id(), List.of()).isEmpty())
                // a thawed bottle's clock may run out before its day does
                .filter(b -> b.expiresAt() == null || now.isBefore(b.expiresAt()))
                .map(Bottle::view)
                .toList();
    }

    @Override
    @Transactional
    public BottleView takeForDispense(UUID bottleId, Instant at) {
        Bottle bottle = lockFresh(
                bottles.findById(bottleId).orElseThrow(() -> new NotFound("inventory.bottle.notFound", bottleId)));
        milkGate.require(bottle.id(), GateUse.DISPENSE, at);
        LocalDate today = LocalDate.ofInstant(at, clock.getZone());
        bottle.dispense(today);
        history.record(RECORD_TYPE, bottle.id(), Said.of("inventory.history.dispensed", today.toString()));
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView takeBack(UUID bottleId, Instant at) {
        Bottle bottle = lockFresh(
                bottles.findById(bottleId).orElseThrow(() -> new NotFound("inventory.bottle.notFound", bottleId)));
        bottle.takeBack(LocalDate.ofInstant(at, clock.getZone()));
        // readers by SQL in the same transaction (put-away, the gate) must see it back in stock
        entityManager.flush();
        history.record(RECORD_TYPE, bottle.id(), Said.of("inventory.history.returnedToStock"));
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView discardReturned(UUID bottleId, String reasonCode, Instant at) {
        Bottle bottle = lockFresh(
                bottles.findById(bottleId).orElseThrow(() -> new NotFound("inventory.bottle.notFound", bottleId)));
        bottle.discardReturned(reasonCode);
        history.record(
                RECORD_TYPE,
                bottle.id(),
                Said.of("inventory.history.discardedOnReturn", Said.code("lineage.reason." + reasonCode)));
        events.publishEvent(BottlesChanged.discarded(List.of(bottle.id()), reasonCode, at));
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView discardBottle(String din, String reason) {
        String value = Din.parse(din).value();
        Bottle bottle =
                lockFresh(bottles.findByDin(value).orElseThrow(() -> new NotFound("inventory.bottle.notFound", din)));
        bottle.discard(reason);
        history.recordCorrection(RECORD_TYPE, bottle.id(), Said.of("inventory.history.discarded"), reason);
        events.publishEvent(BottlesChanged.discarded(List.of(bottle.id()), DISCARDED_BY_STAFF, Instant.now(clock)));
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView transferOut(UUID bottleId, String destination, UUID transferId, Instant at) {
        Bottle bottle = lockFresh(
                bottles.findById(bottleId).orElseThrow(() -> new NotFound("inventory.bottle.notFound", bottleId)));
        milkGate.require(bottle.id(), GateUse.TRANSFER, at);
        bottle.transferOut(LocalDate.ofInstant(at, clock.getZone()));
        entityManager.flush();
        history.record(RECORD_TYPE, bottle.id(), Said.of("inventory.history.transferred", destination));
        events.publishEvent(new BottlesTransferred(List.of(bottle.id()), destination, transferId, at));
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView receiveFromAnotherBank(
            ArrivingBottle arriving, Map<String, Object> sourceLineage, String discardCode) {
        Din din = Din.parse(arriving.din());
        if (bottles.findByDin(din.value()).isPresent()) {
            throw new RuleViolation("inventory.transfer.dinHeld", din.withCheck());
        }
        Bottle bottle = bottles.save(Bottle.fromAnotherBank(
                din,
                arriving.sourceFacility(),
                arriving.transferId(),
                arriving.volumeMl(),
                arriving.expiresOn(),
                arriving.expiresAt(),
                arriving.thawedAt(),
                arriving.at(),
                discardCode));
        entityManager.flush();
        history.record(
                RECORD_TYPE,
                bottle.id(),
                Said.of(
                        "inventory.history.fromAnotherBank",
                        din,
                        arriving.sourceFacility(),
                        arriving.volumeMl(),
                        arriving.expiresOn().toString()));
        if (discardCode != null) {
            history.record(
                    RECORD_TYPE,
                    bottle.id(),
                    Said.of("inventory.history.discardedOnArrival", Said.code("lineage.reason." + discardCode)));
        }
        events.publishEvent(new BottleFromAnotherBank(
                bottle.id(),
                din,
                arriving.sourceFacility(),
                arriving.transferId(),
                arriving.volumeMl(),
                arriving.expiresOn(),
                arriving.expiresAt(),
                sourceLineage,
                discardCode,
                arriving.at()));
        return bottle.view();
    }

    @Override
    public List<BottleView> inState(BottleState state) {
        return views(
                state == null
                        ? bottles.findAllByOrderByExpiresOnAscDinAsc()
                        : bottles.findByStateOrderByExpiresOnAscDinAsc(state));
    }

    /**
     * Locks the bottle's row and reloads it as committed now: the caller may have read it before waiting for the
     * lock (a block committed meanwhile), and a decision on that stale copy would be wrong.
     */
    private Bottle lockFresh(Bottle bottle) {
        entityManager.refresh(bottle, LockModeType.PESSIMISTIC_WRITE);
        return bottle;
    }

    private static List<BottleView> views(List<Bottle> list) {
        return list.stream().map(Bottle::view).toList();
    }
}
