package org.openmilkbank.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A transfer as the bank sees it: OUT (sent from here, {@code peer} is the destination) or IN ({@code peer} is the
 * source), with its bottles.
 */
public record TransferView(
        UUID id,
        TransferDirection direction,
        String peer,
        TransferState state,
        String reference,
        String reason,
        String packedBy,
        Instant createdAt,
        String createdBy,
        Instant dispatchedAt,
        Instant arrivedAt,
        List<Bottle> bottles) {

    /**
     * One bottle of the transfer.
     *
     * @param din with its check character
     * @param bottleId the bottle in this bank's stock ({@code null} for an IN bottle not yet arrived)
     * @param outcomeCode why it was discarded on arrival ({@code lineage.reason.<code>})
     * @param recallCode the source's recall that reached it, {@code null} when none
     */
    public record Bottle(
            String din,
            UUID bottleId,
            ManifestEntry manifest,
            ArrivalOutcome outcome,
            String outcomeCode,
            BigDecimal arrivalTemperatureC,
            Instant arrivedAt,
            String arrivedBy,
            String recallCode,
            Instant recalledAt) {

        public boolean recalled() {
            return recallCode != null;
        }
    }

    public long awaiting() {
        return bottles.stream().filter(b -> b.outcome() == null).count();
    }

    public long count(ArrivalOutcome outcome) {
        return bottles.stream().filter(b -> b.outcome() == outcome).count();
    }

    public boolean recalled() {
        return bottles.stream().anyMatch(Bottle::recalled);
    }
}
