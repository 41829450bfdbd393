package org.openmilkbank.lab;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.openmilkbank.traceability.MilkEventType;
import org.openmilkbank.traceability.MilkHandled;
import org.openmilkbank.traceability.MilkHandling;

/**
 * A run that rests on a sampled run takes that run's culture verdict: negative (the run may be released on its
 * strength) or positive (the run is held). Published in the lab's transaction; the run's module moves the run on and
 * the lineage records it on the run, so its bottles' trace shows which run's culture it rests on.
 */
public record RunRestsOnCulture(UUID runId, UUID sampledRunId, String sampledRunLabel, boolean negative, Instant at)
        implements MilkHandled {

    /** The lineage reason of a resting run's culture: on the strength of the sampled run's culture. */
    public static final String REASON_NEGATIVE = "lab.plan.restsOnNegative";

    public static final String REASON_POSITIVE = "lab.plan.restsOnPositive";

    @Override
    public MilkHandling handling() {
        return MilkHandling.builder()
                .event(
                        runId,
                        negative ? MilkEventType.CULTURE_NEGATIVE : MilkEventType.CULTURE_POSITIVE,
                        at,
                        negative ? REASON_NEGATIVE : REASON_POSITIVE,
                        Map.of("sampledRun", sampledRunLabel))
                .build();
    }
}
