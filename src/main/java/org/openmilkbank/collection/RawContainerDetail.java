package org.openmilkbank.collection;

import java.util.List;
import java.util.UUID;
import org.openmilkbank.labeling.ProductCode;
import org.openmilkbank.traceability.HoldView;

/**
 * A raw container with what its page shows beyond the view: the pool it went into, why it was discarded, the
 * active holds that keep it out of use (beside its state; neutral reasons only), what reception recorded, and its
 * ICCBBA product (none for a rejected container, which is never labelled).
 */
public record RawContainerDetail(
        RawContainerView container,
        UUID poolId,
        String discardReason,
        List<HoldView> holds,
        ReceivedContainer reception,
        ProductCode product) {

    public RawContainerDetail {
        holds = List.copyOf(holds);
    }
}
