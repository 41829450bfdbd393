package org.openmilkbank.collection;

import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** A raw container was taken out of use; the staff's words stay on its record, the lineage carries a code. */
public record ContainerDiscarded(UUID containerId, Instant at) implements MilkHandled {

    public static final String REASON = "collection.discarded";

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .event(containerId, MilkEventType.DISCARDED, at, REASON, java.util.Map.of())
                .build();
    }
}
