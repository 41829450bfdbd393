package org.openmilkbank.pasteurization;

import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** A second technician released the run (its bottles' release is the inventory's event). */
public record RunReleased(UUID runId, Instant at) implements MilkHandled {

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder().event(runId, MilkEventType.RELEASED, at).build();
    }
}
