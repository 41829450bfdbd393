package org.openmilkbank.collection;

import java.util.UUID;
import org.openmilkbank.labeling.ProductCode;

/**
 * A raw container with what its page shows beyond the view: the pool it went into or why it was discarded,
 * what reception recorded, and its ICCBBA product (none for a rejected container, which is never labelled).
 */
public record RawContainerDetail(
        RawContainerView container,
        UUID poolId,
        String discardReason,
        ReceivedContainer reception,
        ProductCode product) {}
