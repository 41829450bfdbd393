package org.openmilkbank.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.openmilkbank.traceability.ExpiryMoment;

/**
 * A bottle as other modules and pages see it. Holds are beside its state (ask {@code traceability.Holds});
 * {@code runId}/{@code poolId} are {@code null} for a bottle from another bank ({@code sourceFacility}, {@code
 * transferId});
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
        String discardReason,
        Instant thawedAt,
        ThawMethod thawMethod,
        Instant warmedAt,
        Instant expiresAt,
        String sourceFacility,
        UUID transferId) {

    public BottleView(
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
        this(
                id,
                din,
                runId,
                poolId,
                volumeMl,
                expiresOn,
                state,
                discardReason,
                thawedAt,
                thawMethod,
                warmedAt,
                expiresAt,
                null,
                null);
    }

    /** Whether the bottle came from another bank of the network (it has no run or pool here). */
    public boolean fromAnotherBank() {
        return sourceFacility != null;
    }

    public BottleView(
            UUID id, String din, UUID runId, UUID poolId, int volumeMl, LocalDate expiresOn, BottleState state) {
        this(id, din, runId, poolId, volumeMl, expiresOn, state, null);
    }

    public BottleView(
            UUID id,
            String din,
            UUID runId,
            UUID poolId,
            int volumeMl,
            LocalDate expiresOn,
            BottleState state,
            String discardReason) {
        this(id, din, runId, poolId, volumeMl, expiresOn, state, discardReason, null, null, null, null);
    }

    /** The first moment the bottle is no longer usable: its thaw clock's, else the end of its expiry day. */
    public Instant endsAt(ZoneId zone) {
        return ExpiryMoment.end(expiresOn, expiresAt, zone);
    }

    public boolean expiredAt(Instant at, ZoneId zone) {
        return ExpiryMoment.passed(expiresOn, expiresAt, at, zone);
    }
}
