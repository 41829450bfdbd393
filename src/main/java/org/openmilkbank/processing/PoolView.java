package org.openmilkbank.processing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.shared.Said;
import org.springframework.context.MessageSource;

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
        String discardReason,
        List<Said> discardCodes,
        String discardReasonText) {

    /**
     * {@code discardReason}: the person's words, or the English text of a pre-culture that failed before V33;
     * {@code discardCodes}: why a failed pre-culture discarded it, as data; {@code discardReasonText}: either, in
     * the reader's language.
     */
    public PoolView rendered(MessageSource messages) {
        String text = discardCodes.isEmpty() ? discardReason : Said.render(discardCodes, messages);
        return new PoolView(
                id,
                din,
                state,
                createdAt,
                createdBy,
                volumeMl,
                donorCount,
                earliestExpression,
                containers,
                donorIds,
                preCulture,
                discardReason,
                discardCodes,
                text);
    }

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
