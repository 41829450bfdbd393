package org.openmilkbank.collection;

import java.util.UUID;
import org.openmilkbank.labeling.ProductCode;

/**
 * A raw container with what its page shows beyond the view: the pool it went into, why it was discarded or
 * why its donor's milk is blocked, what reception recorded, and its ICCBBA product (none for a rejected
 * container, which is never labelled).
 */
public record RawContainerDetail(
        RawContainerView container,
        UUID poolId,
        String discardReason,
        String blockReason,
        ReceivedContainer reception,
        ProductCode product) {}
