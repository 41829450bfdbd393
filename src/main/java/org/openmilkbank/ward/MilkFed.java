package org.openmilkbank.ward;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A nurse fed a bottle or a syringe to an infant after the bedside check: a FED event with the volume given; an
 * overridden check carries the reason code {@code bedside.override}.
 */
public record MilkFed(UUID feedId, UUID unitId, UUID infantId, int volumeMl, Instant at, boolean overridden)
        implements MilkHandled {

    static final String OVERRIDE = "bedside.override";

    @Override
    public MilkHandling handling() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("volumeMl", volumeMl);
        data.put("feedId", feedId.toString());
        return new MilkHandling(
                List.of(),
                List.of(),
                List.of(new MilkHandling.Happened(
                        unitId, MilkEventType.FED, at, null, overridden ? OVERRIDE : null, infantId, data)));
    }
}
