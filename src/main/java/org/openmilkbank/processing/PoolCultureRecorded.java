package org.openmilkbank.processing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** A pool's pre-pasteurisation culture was recorded; a failing one discards the pool. */
public record PoolCultureRecorded(
        UUID poolId, Instant at, boolean passed, long totalCfu, Long enterobacteriaceaeCfu, Long staphAureusCfu)
        implements MilkHandled {

    public static final String FAILED = "processing.culture.failed";

    @Override
    public MilkHandling handling() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("outcome", passed ? "PASS" : "FAIL");
        data.put("totalCfu", totalCfu);
        if (enterobacteriaceaeCfu != null) {
            data.put("enterobacteriaceaeCfu", enterobacteriaceaeCfu);
        }
        if (staphAureusCfu != null) {
            data.put("staphAureusCfu", staphAureusCfu);
        }
        MilkHandling.Builder b =
                MilkHandling.builder().event(poolId, MilkEventType.CULTURE_RECORDED, at, passed ? null : FAILED, data);
        if (!passed) {
            b.event(poolId, MilkEventType.DISCARDED, at, FAILED, Map.of());
        }
        return b.build();
    }
}
