package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A donor's look-back: the blocks on her milk, every container, pool, run and bottle of her milk with its state
 * now, and every infant who received a bottle of it. DINs carry their check character.
 */
public record LookBack(
        Traced.Donor donor,
        List<Block> blocks,
        List<Container> containers,
        List<Pool> pools,
        List<Run> runs,
        List<Bottle> bottles,
        List<Recipient> recipients) {

    /** One block on a donor's milk: a deferral or a late positive result. */
    public record Block(
            UUID donorId, String donorCode, String reason, Instant blockedAt, String blockedBy, Counts counts) {}

    /** What a block holds now, bank-wide per donor: blocked containers, pools and bottles, and infants reached. */
    public record Counts(int containers, int pools, int bottles, int infants) {}

    public record Container(
            UUID id,
            String din,
            int volumeMl,
            LocalDate expressedOn,
            String state,
            String blockReason,
            UUID poolId,
            String poolDin) {}

    public record Pool(UUID id, String din, String state, String blockReason, int donorCount, int volumeMl) {}

    public record Run(UUID id, UUID poolId, String poolDin, Instant startedAt, String state, String blockReason) {}

    /** A bottle of her milk; {@code dispensed} when it was issued to an infant (then recalled if blocked). */
    public record Bottle(
            UUID id,
            String din,
            UUID poolId,
            String poolDin,
            int volumeMl,
            LocalDate expiresOn,
            String state,
            String blockReason,
            boolean dispensed) {}

    /**
     * An infant who received a bottle of her milk. The bank records the dispense, not the feed: the infant
     * received it and possibly fed on it; a bottle blocked after the dispense is recalled.
     */
    public record Recipient(
            UUID infantId,
            String infantCode,
            String infantName,
            String ward,
            UUID bottleId,
            String bottleDin,
            String poolDin,
            Instant dispensedAt,
            String dispensedBy,
            boolean recalled) {}

    /** Bottles of her milk that never reached an infant and are not yet blocked or discarded: none after a block. */
    public long usableBottles() {
        return bottles.stream()
                .filter(b -> b.state().equals("QUARANTINE") || b.state().equals("RELEASED"))
                .count();
    }

    public boolean blocked() {
        return !blocks.isEmpty();
    }
}
