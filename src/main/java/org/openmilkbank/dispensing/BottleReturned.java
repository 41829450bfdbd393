package org.openmilkbank.dispensing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A dispensed bottle came back from the infant's ward unused: back into stock, or kept out of it by the rule named by
 * {@code reasonCode} (then discarded).
 */
public record BottleReturned(UUID bottleId, UUID infantId, Instant at, boolean toStock, String reasonCode)
        implements MilkHandled {

    @Override
    public MilkHandling handling() {
        return new MilkHandling(
                List.of(),
                List.of(),
                List.of(new MilkHandling.Happened(
                        bottleId,
                        MilkEventType.RETURNED,
                        at,
                        null,
                        toStock ? null : reasonCode,
                        infantId,
                        Map.of("outcome", toStock ? "STOCK" : "DISCARDED"))));
    }
}
