package org.openmilkbank.inventory;

import java.time.LocalDate;
import java.util.UUID;

/** A bottle as other modules and pages see it; {@code blockReason} is set once its donor's milk is blocked. */
public record BottleView(
        UUID id,
        String din,
        UUID runId,
        UUID poolId,
        int volumeMl,
        LocalDate expiresOn,
        BottleState state,
        String blockReason) {

    public BottleView(
            UUID id, String din, UUID runId, UUID poolId, int volumeMl, LocalDate expiresOn, BottleState state) {
        this(id, din, runId, poolId, volumeMl, expiresOn, state, null);
    }
}
