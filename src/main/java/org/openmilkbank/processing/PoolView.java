package org.openmilkbank.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Din;

/** A pool as other modules and pages see it: its containers, donors and pre-pasteurisation culture. */
public record PoolView(
        UUID id,
        String din,
        PoolState state,
        Instant createdAt,
        String createdBy,
        int volumeMl,
        int donorCount,
        LocalDate earliestExpression,
        List<PooledContainer> containers,
        List<UUID> donorIds,
        PreCulture preCulture,
        String discardReason) {

    /** One raw container in the pool, as it was when pooled. */
    public record PooledContainer(
            UUID containerId, String din, UUID donorId, String donorCode, int volumeMl, LocalDate expressedOn) {

        public String dinWithCheck() {
            return Din.parse(din).withCheck();
        }
    }

    /** The pre-pasteurisation culture; {@code null} in the view until recorded. */
    public record PreCulture(
            long totalCfu,
            Long enterobacteriaceaeCfu,
            Long staphAureusCfu,
            boolean passed,
            Instant recordedAt,
            String recordedBy) {}

    public String dinWithCheck() {
        return Din.parse(din).withCheck();
    }
}
