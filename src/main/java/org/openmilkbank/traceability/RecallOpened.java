package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A recall was opened: each unit it holds gets a RECALLED event in its lineage, naming the recall's code. */
record RecallOpened(UUID recallId, String code, List<UUID> heldUnitIds, Instant at) implements MilkHandled {

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (UUID unit : heldUnitIds) {
            b.event(unit, MilkEventType.RECALLED, at, "recall", Map.of("recall", code));
        }
        return b.build();
    }
}
