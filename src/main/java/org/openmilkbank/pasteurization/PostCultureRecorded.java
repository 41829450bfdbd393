package org.openmilkbank.pasteurization;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/** The run's post-pasteurisation culture, sampled at {@code sampledAt}, was negative or positive. */
public record PostCultureRecorded(UUID runId, boolean negative, long cfu, Instant sampledAt, Instant at)
        implements MilkHandled {

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .event(
                        runId,
                        negative ? MilkEventType.CULTURE_NEGATIVE : MilkEventType.CULTURE_POSITIVE,
                        at,
                        negative ? null : PasteurisationRun.CULTURE_POSITIVE,
                        Map.of("cfu", cfu, "sampledAt", sampledAt.toString()))
                .build();
    }
}
