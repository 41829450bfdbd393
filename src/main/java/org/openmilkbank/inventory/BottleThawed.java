package org.openmilkbank.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A bottle was thawed (how: fridge or room) or warmed at {@code at}; it carries the new expiry, the day and the
 * moment, so that the gate reads it from the lineage like every other expiry.
 */
public record BottleThawed(
        UUID bottleId, MilkEventType type, ThawMethod method, Instant at, LocalDate expiresOn, Instant expiresAt)
        implements MilkHandled {

    public BottleThawed {
        if (type != MilkEventType.THAWED && type != MilkEventType.WARMED) {
            throw new IllegalArgumentException("a bottle is thawed or warmed here, not " + type);
        }
    }

    @Override
    public MilkHandling handling() {
        Map<String, Object> data = new LinkedHashMap<>();
        if (method != null) {
            data.put("method", method.name());
        }
        data.put("expiresOn", expiresOn.toString());
        data.put("expiresAt", expiresAt.toString());
        return MilkHandling.builder().event(bottleId, type, at, null, data).build();
    }
}
