package org.openmilkbank.processing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/** Raw containers were mixed into a new pool: the pool is a unit, each container its parent with its volume. */
public record ContainersPooled(UUID poolId, Din poolDin, Instant at, int donorCount, List<Part> parts)
        implements MilkHandled {

    public ContainersPooled {
        parts = List.copyOf(parts);
    }

    public record Part(UUID containerId, int volumeMl) {}

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder().unit(poolId, poolDin, MilkUnitKind.POOL, at);
        int volume = 0;
        for (Part part : parts) {
            b.link(part.containerId(), poolId, part.volumeMl(), at);
            volume += part.volumeMl();
        }
        return b.event(
                        poolId,
                        MilkEventType.POOLED,
                        at,
                        null,
                        Map.of("volumeMl", volume, "donorCount", donorCount, "containers", parts.size()))
                .build();
    }
}
