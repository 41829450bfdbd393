package org.openmilkbank.ward;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/**
 * A thawed bottle was divided on the ward: each syringe is a unit of kind ALIQUOT linked bottle → aliquot with its
 * volume; what was left is a DISCARDED event on the bottle (reason {@code ward.remainder}, its volume in the data).
 */
record AliquotsPrepared(UUID bottleId, Instant at, List<Made> aliquots, int remainderMl) implements MilkHandled {

    static final String REMAINDER = "ward.remainder";

    record Made(UUID id, String code, int volumeMl, UUID infantId) {}

    AliquotsPrepared {
        aliquots = List.copyOf(aliquots);
    }

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (Made m : aliquots) {
            b.unitNamed(m.id(), m.code(), MilkUnitKind.ALIQUOT, at).link(bottleId, m.id(), m.volumeMl(), at);
        }
        if (remainderMl > 0) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("volumeMl", remainderMl);
            data.put("remainder", true);
            b.event(bottleId, MilkEventType.DISCARDED, at, REMAINDER, data);
        }
        return b.build();
    }
}
