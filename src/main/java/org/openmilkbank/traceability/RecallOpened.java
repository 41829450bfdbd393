package org.openmilkbank.traceability;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recall was opened: each unit it holds gets a RECALLED event in its lineage, naming the recall's code. Published
 * in the recall's transaction, so a listener (the network's transfers: bottles sent to another bank) acts in it.
 *
 * @param heldUnitIds every affected unit not yet fed, transferred bottles included
 */
public record RecallOpened(UUID recallId, String code, List<UUID> heldUnitIds, Instant at) implements MilkHandled {

    @Override
    public MilkHandling handling() {
        MilkHandling.Builder b = MilkHandling.builder();
        for (UUID unit : heldUnitIds) {
            b.event(unit, MilkEventType.RECALLED, at, "recall", Map.of("recall", code));
        }
        return b.build();
    }
}
