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

    /**
     * The lab's pre-pasteurisation culture of the pool (its latest sample): {@code null} in the view until a sample
     * is taken; {@code passed} is {@code null} while it incubates.
     */
    public record PreCulture(
            Long totalCfu,
            Long enterobacteriaceaeCfu,
            Long staphAureusCfu,
            Boolean passed,
            Instant recordedAt,
            String recordedBy,
            UUID sampleId,
            String sampleCode) {}

    /** The same pool with the lab's culture summary. */
    public PoolView withPreCulture(PreCulture culture) {
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
                culture,
                discardReason,
                discardCodes,
                discardReasonText);
    }

    public String dinWithCheck() {
        return Din.parse(din).withCheck();
    }
}
