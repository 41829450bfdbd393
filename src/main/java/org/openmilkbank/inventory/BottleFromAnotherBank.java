package org.openmilkbank.inventory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.shared.Din;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;
import org.openmilkbank.traceability.MilkUnitKind;

/**
 * A bottle arrived from another bank: a unit of its own with its DIN, whose lineage here begins with a
 * TRANSFER_RECEIVED event naming the source bank, the transfer and the lineage at the source ({@code sourceLineage}:
 * pools, runs, the source's donor references); it carries the expiry the gate reads. One discarded on arrival gets a
 * DISCARDED event with the rule's code.
 */
public record BottleFromAnotherBank(
        UUID bottleId,
        Din din,
        String sourceFacility,
        UUID transferId,
        int volumeMl,
        java.time.LocalDate expiresOn,
        Instant expiresAt,
        Map<String, Object> sourceLineage,
        String discardCode,
        Instant at)
        implements MilkHandled {

    @Override
    public MilkHandling handling() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", sourceFacility);
        data.put("transfer", transferId.toString());
        data.put("volumeMl", volumeMl);
        data.put("expiresOn", expiresOn.toString());
        if (expiresAt != null) {
            data.put("expiresAt", expiresAt.toString());
        }
        // the lineage at the source, one fact each (sourcePools, sourceRuns, sourceDonors …): the trace shows them
        if (sourceLineage != null) {
            sourceLineage.forEach((k, v) -> {
                if (v != null) {
                    data.put("source" + Character.toUpperCase(k.charAt(0)) + k.substring(1), v);
                }
            });
        }
        MilkHandling.Builder b = MilkHandling.builder()
                .unit(bottleId, din, MilkUnitKind.BOTTLE, at)
                .event(bottleId, MilkEventType.TRANSFER_RECEIVED, at, null, data);
        if (discardCode != null) {
            b.event(bottleId, MilkEventType.DISCARDED, at, discardCode, Map.of());
        }
        return b.build();
    }
}
