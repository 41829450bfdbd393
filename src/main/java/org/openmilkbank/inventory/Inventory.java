package org.openmilkbank.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Bottles of pasteurised milk: quarantine, release, discard, and the stock that may be dispensed. */
public interface Inventory {

    /** Puts the bottles of a good pasteurisation run into quarantine, each with its own DIN. */
    List<BottleView> stockQuarantined(UUID runId, UUID poolId, int count, int volumeMl, LocalDate expiresOn);

    /** Releases every quarantined bottle of the run (the run's culture was negative and a second person signed). */
    List<BottleView> releaseRun(UUID runId);

    /** Discards every bottle of the run not yet dispensed, with the reason. */
    List<BottleView> discardRun(UUID runId, String reason);

    List<BottleView> bottlesOfRun(UUID runId);

    /** A bottle by its DIN (13 characters, without check character). */
    Optional<BottleView> findByDin(String din);

    Optional<BottleView> find(UUID bottleId);

    /** Released bottles still in date on {@code today}, first to expire first. */
    List<BottleView> dispensable(LocalDate today);

    /**
     * Takes a bottle out of stock for dispensing. Refuses with a {@link org.openmilkbank.shared.RuleViolation}
     * when it is quarantined, discarded, already dispensed or expired on {@code today}. Locks the row so that a
     * bottle is dispensed once and a concurrent discard or dispense loses.
     */
    BottleView takeForDispense(UUID bottleId, LocalDate today);

    /**
     * Discards one bottle (broken, thawed by mistake, failed a check) with the reason. Refuses a dispensed or
     * already discarded bottle. Accepts the DIN as scanned (13 or 14 characters).
     */
    BottleView discardBottle(String din, String reason);

    /** Bottles in the given state ({@code null} = all), first to expire first. */
    List<BottleView> inState(BottleState state);
}
