package org.openmilkbank.inventory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openmilkbank.labeling.DinIssuer;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.History;
import org.openmilkbank.shared.NotFound;
import org.openmilkbank.shared.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The bottle store: every state change is written to the bottle's history in the same transaction. */
@Service
@Transactional(readOnly = true)
class BottleStock implements Inventory {

    static final String RECORD_TYPE = "Bottle";

    private final BottleRepository bottles;
    private final DinIssuer dins;
    private final History history;
    private final Clock clock;
    private final EntityManager entityManager;

    BottleStock(BottleRepository bottles, DinIssuer dins, History history, Clock clock, EntityManager entityManager) {
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
        for (int i = 0; i < count; i++) {
            Bottle bottle = bottles.save(Bottle.quarantined(dins.next(), runId, poolId, volumeMl, expiresOn, now));
            history.record(
                    RECORD_TYPE,
                    bottle.id(),
                    "stocked in quarantine",
                    "DIN " + bottle.displayDin() + ", " + volumeMl + " mL, run " + runId + ", expires " + expiresOn);
            stocked.add(bottle.view());
        }
        return stocked;
    }

    @Override
    @Transactional
    public List<BottleView> releaseRun(UUID runId) {
        List<Bottle> ofRun = bottles.lockByRunId(runId);
        for (Bottle bottle : ofRun) {
            if (bottle.release()) {
                history.record(RECORD_TYPE, bottle.id(), "released", "run " + runId + " released");
            }
        }
        return views(ofRun);
    }

    @Override
    @Transactional
    public List<BottleView> discardRun(UUID runId, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("inventory.discard.reason.required");
        }
        List<Bottle> ofRun = bottles.lockByRunId(runId);
        for (Bottle bottle : ofRun) {
            if (bottle.isDiscardable()) {
                bottle.discard(reason);
                history.recordCorrection(RECORD_TYPE, bottle.id(), "discarded", "run " + runId + " discarded", reason);
            }
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
        return views(bottles.dispensable(today));
    }

    @Override
    @Transactional
    public BottleView takeForDispense(UUID bottleId, LocalDate today) {
        Bottle bottle = lockFresh(
                bottles.findById(bottleId).orElseThrow(() -> new NotFound("inventory.bottle.notFound", bottleId)));
        bottle.dispense(today);
        history.record(RECORD_TYPE, bottle.id(), "dispensed", "taken from stock on " + today);
        return bottle.view();
    }

    @Override
    @Transactional
    public BottleView discardBottle(String din, String reason) {
        String value = Din.parse(din).value();
        Bottle bottle =
                lockFresh(bottles.findByDin(value).orElseThrow(() -> new NotFound("inventory.bottle.notFound", din)));
        bottle.discard(reason);
        history.recordCorrection(RECORD_TYPE, bottle.id(), "discarded", "bottle " + bottle.displayDin(), reason);
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
