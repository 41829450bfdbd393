package org.openmilkbank.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.openmilkbank.shared.Din;

/** A bottle as the API answers it: its DIN shown the one way, with the check character. */
public record BottleJson(
        UUID id,
        String din,
        UUID runId,
        UUID poolId,
        int volumeMl,
        LocalDate expiresOn,
        BottleState state,
        String discardReason,
        Instant thawedAt,
        ThawMethod thawMethod,
        Instant warmedAt,
        Instant expiresAt) {

    public static BottleJson of(BottleView b) {
        return new BottleJson(
                b.id(),
                Din.parse(b.din()).withCheck(),
                b.runId(),
                b.poolId(),
                b.volumeMl(),
                b.expiresOn(),
                b.state(),
                b.discardReason(),
                b.thawedAt(),
                b.thawMethod(),
                b.warmedAt(),
                b.expiresAt());
    }
}
