package org.openmilkbank.storage;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * Units of milk were put into a place (STORED: they had none) or moved to another (MOVED, also when the box they
 * are in was carried elsewhere). {@code place} is the code path of where they now are.
 */
public record UnitsPlaced(List<Placed> units, Instant at) implements MilkHandled {

    public record Placed(UUID unitId, MilkEventType type, String place, UUID placeId, String from, boolean withBox) {}

    public UnitsPlaced {
        units = List.copyOf(units);
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (Placed u : units) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("placeId", u.placeId().toString());
            if (u.from() != null) {
                data.put("from", u.from());
            }
            if (u.withBox()) {
                data.put("withBox", true);
            }
            b.eventAt(u.unitId(), u.type(), at, u.place(), data);
        }
        return b.build();
    }
}
