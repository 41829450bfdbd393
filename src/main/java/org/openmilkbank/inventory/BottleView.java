package org.openmilkbank.inventory;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A bottle as other modules and pages see it. Holds are beside its state (ask {@code traceability.Holds});
 * {@code discardReason} is a code ({@code culture.positive}) or the words of the person who discarded it.
 */
public record BottleView(
        UUID id,
        String din,
        UUID runId,
        UUID poolId,
        int volumeMl,
        LocalDate expiresOn,
        BottleState state,
        String discardReason) {

    public BottleView(
            UUID id, String din, UUID runId, UUID poolId, int volumeMl, LocalDate expiresOn, BottleState state) {
        this(id, din, runId, poolId, volumeMl, expiresOn, state, null);
    }
}
