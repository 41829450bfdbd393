package org.openmilkbank.network;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * What the hub makes of one kind of batch (its payload's {@code kind}: indicators, events, an adoption …): called by
 * {@link BatchIntake} in the transaction that accepts the batch, so the batch and its projection are kept or lost
 * together. A batch of a kind no projection takes is kept as it came. A {@link org.openmilkbank.shared.RuleViolation}
 * refuses the batch (nothing of it is kept).
 */
public interface BatchProjection {

    /** The payload {@code kind} this projection takes. */
    String kind();

    void project(String facilityCode, long sequence, Instant createdAt, JsonNode payload);
}
