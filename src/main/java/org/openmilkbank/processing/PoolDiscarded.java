package org.openmilkbank.processing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** A pool was taken out of use by staff; their words stay on the pool's record, the lineage carries a code. */
public record PoolDiscarded(UUID poolId, Instant at) implements MilkHandled {

    public static final String REASON = "processing.discarded";

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .event(poolId, MilkEventType.DISCARDED, at, REASON, Map.of())
                .build();
    }
}
