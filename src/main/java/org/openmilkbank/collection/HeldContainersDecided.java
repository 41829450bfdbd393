package org.openmilkbank.collection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** Milk held at reception was decided again: accepted into the raw store, or rejected with the reason. */
public record HeldContainersDecided(Instant at, List<Decision> decisions) implements MilkHandled {

    public HeldContainersDecided {
        decisions = List.copyOf(decisions);
    }

    /** {@code rejectReason} is {@code null} when the container was accepted. */
    public record Decision(UUID containerId, RejectReason rejectReason) {}

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (Decision d : decisions) {
            if (d.rejectReason() == null) {
                b.event(d.containerId(), MilkEventType.ACCEPTED_FROM_HOLD, at);
            } else {
                b.event(
                        d.containerId(),
                        MilkEventType.REJECTED,
                        at,
                        d.rejectReason().messageKey(),
                        Map.of("rejectReason", d.rejectReason().name()));
            }
        }
        return b.build();
    }
}
