package org.openmilkbank.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** Bottles left the bank for another bank of the network in a transfer: a TRANSFERRED event naming where to. */
public record BottlesTransferred(List<UUID> bottleIds, String destination, UUID transferId, Instant at)
        implements MilkHandled {

    public BottlesTransferred {
        bottleIds = List.copyOf(bottleIds);
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        bottleIds.forEach(id -> b.event(
                id, MilkEventType.TRANSFERRED, at, null, Map.of("to", destination, "transfer", transferId.toString())));
        return b.build();
    }
}
