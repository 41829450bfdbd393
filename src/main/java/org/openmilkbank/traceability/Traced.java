package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The rows of a trace: each step of the milk's path as it was recorded. DINs carry their check character. */
public final class Traced {

    private Traced() {}

    public record Donor(UUID id, String donorCode, String name) {}

    public record Container(
            UUID id,
            String din,
            UUID donorId,
            String donorCode,
            int volumeMl,
            LocalDate expressedOn,
            String state,
            UUID poolId,
            String poolDin) {}

    public record Pool(UUID id, String din, String state, int donorCount, int volumeMl, Instant createdAt) {}

    public record Run(UUID id, UUID poolId, String poolDin, Instant startedAt, String outcome, String state) {}

    public record Bottle(
            UUID id,
            String din,
            UUID poolId,
            String poolDin,
            UUID runId,
            int volumeMl,
            LocalDate expiresOn,
            String state) {}

    public record Infant(UUID id, String infantCode, String name, String ward) {}

    /** One bottle received by one infant. */
    public record Feed(
            UUID infantId,
            String infantCode,
            String infantName,
            UUID bottleId,
            String bottleDin,
            String poolDin,
            Instant dispensedAt,
            String dispensedBy) {}
}
