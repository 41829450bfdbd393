package org.openmilkbank.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * Bottles were released with their run, or discarded (with a reason code: {@code culture.positive} when their run's
 * culture grew, {@code discard.staff} when a person discarded one).
 */
public record BottlesChanged(List<UUID> bottleIds, MilkEventType type, String reasonCode, Instant at)
        implements MilkHandled {

    public BottlesChanged {
        bottleIds = List.copyOf(bottleIds);
        if (type != MilkEventType.RELEASED && type != MilkEventType.DISCARDED) {
            throw new IllegalArgumentException("bottles are released or discarded here, not " + type);
        }
    }

    static BottlesChanged released(List<UUID> bottleIds, Instant at) {
        return new BottlesChanged(bottleIds, MilkEventType.RELEASED, null, at);
    }

    static BottlesChanged discarded(List<UUID> bottleIds, String reasonCode, Instant at) {
        return new BottlesChanged(bottleIds, MilkEventType.DISCARDED, reasonCode, at);
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        bottleIds.forEach(id -> b.event(id, type, at, reasonCode, Map.of()));
        return b.build();
    }
}
