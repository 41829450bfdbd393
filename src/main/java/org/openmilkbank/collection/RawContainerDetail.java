package org.openmilkbank.collection;

import java.util.UUID;

/**
 * A raw container with what its page shows beyond the view: the pool it went into, why it was discarded, or
 * why its donor's milk is blocked.
 */
public record RawContainerDetail(RawContainerView container, UUID poolId, String discardReason, String blockReason) {

    public RawContainerDetail(RawContainerView container, UUID poolId, String discardReason) {
        this(container, poolId, discardReason, null);
    }
}
