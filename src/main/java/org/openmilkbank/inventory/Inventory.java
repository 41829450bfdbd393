package org.openmilkbank.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Bottles of pasteurised milk: quarantine, release, discard, and the stock that may be dispensed. */
public interface Inventory {

    /** Puts the bottles of a good pasteurisation run into quarantine, each with its own DIN. */
    List<BottleView> stockQuarantined(UUID runId, UUID poolId, int count, int volumeMl, LocalDate expiresOn);

    /**
     * Releases every quarantined bottle of the run (the run's culture was negative and a second person signed),
     * after the safety gate allowed each one at {@code at}; otherwise refuses naming every reason, releasing none.
     */
    List<BottleView> releaseRun(UUID runId, Instant at);

    /** Discards every bottle of the run not yet dispensed, with the reason code ({@code culture.positive}). */
    List<BottleView> discardRun(UUID runId, String reasonCode);

    List<BottleView> bottlesOfRun(UUID runId);

    /** A bottle by its DIN (13 characters, without check character). */
    Optional<BottleView> findByDin(String din);

    Optional<BottleView> find(UUID bottleId);

    /** Released bottles still in date on {@code today} and without an active hold, first to expire first. */
    List<BottleView> dispensable(LocalDate today);

    /**
     * Takes a bottle out of stock for dispensing at {@code at}. Locks the row (a bottle is dispensed once, a
     * concurrent discard or dispense loses), then asks the safety gate (holds, expiry, times) and refuses with a
     * {@link org.openmilkbank.shared.RuleViolation} when it is held, quarantined, discarded, dispensed or expired.
     */
    BottleView takeForDispense(UUID bottleId, Instant at);

    /**
     * A dispensed bottle the ward returned unused goes back into stock (released) at {@code at}: refuses one that is
     * not dispensed, was thawed or has expired. The lineage learns it from the caller's return event.
     */
    BottleView takeBack(UUID bottleId, Instant at);

    /**
     * A dispensed bottle the ward returned is discarded at {@code at} with the reason code of the rule that kept it
     * out of stock (its words: {@code lineage.reason.<code>}).
     */
    BottleView discardReturned(UUID bottleId, String reasonCode, Instant at);

    /**
     * Discards one bottle (broken, thawed by mistake, failed a check) with the reason. Refuses a dispensed or
     * already discarded bottle. Accepts the DIN as scanned (13 or 14 characters).
     */
    BottleView discardBottle(String din, String reason);

    /**
     * Sends the released bottle to another bank of the network at {@code at}: locks it, asks the gate for a transfer
     * (held, recalled, expired, times) and refuses one quarantined, discarded, dispensed, already transferred or
     * thawed; it leaves the stock (TRANSFERRED, a lineage event naming the destination) and cannot be dispensed here.
     */
    BottleView transferOut(UUID bottleId, String destination, UUID transferId, Instant at);

    /**
     * A bottle that arrived from another bank in a transfer enters the stock with its own DIN, released, its
     * lineage beginning with the source bank, the transfer and {@code sourceLineage}; with a {@code discardCode} it
     * is recorded discarded on arrival for that reason instead. Refuses a DIN the bank already holds.
     */
    BottleView receiveFromAnotherBank(ArrivingBottle bottle, Map<String, Object> sourceLineage, String discardCode);

    /**
     * What the manifest says of a bottle that arrived from another bank.
     *
     * @param expiresAt the moment its thaw clock ends, {@code null} for frozen milk
     */
    record ArrivingBottle(
            String din,
            String sourceFacility,
            UUID transferId,
            int volumeMl,
            LocalDate expiresOn,
            Instant expiresAt,
            Instant thawedAt,
            Instant at) {}

    /** Bottles in the given state ({@code null} = all), first to expire first. */
    List<BottleView> inState(BottleState state);
}
