package org.openmilkbank.collection;

import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** A raw container was taken out of use; the staff's words stay on its record, the lineage carries a code. */
public record ContainerDiscarded(UUID containerId, Instant at, String reason) implements MilkHandled {

    public static final String REASON = "collection.discarded";

    /** Discarded because the lab's raw milk quality control failed it (its reasons are on the lab's record). */
    public static final String REASON_LAB = "collection.discardedByLab";

    public ContainerDiscarded(UUID containerId, Instant at) {
        this(containerId, at, REASON);
    }

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .event(containerId, MilkEventType.DISCARDED, at, reason, java.util.Map.of())
                .build();
    }
}
