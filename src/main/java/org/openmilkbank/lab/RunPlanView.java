package org.openmilkbank.lab;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the sampling plan decided for a run: sampled itself ({@code reason} says why), or resting on the sampled run
 * {@code restsOnRunId} ({@code restsOnLabel} as people read it), whose culture stands at {@code basisCulture}.
 * {@code runsSince} counts this run among the runs since the last sampled one; {@code daysSince} the days since it.
 */
public record RunPlanView(
        UUID runId,
        String runLabel,
        LocalDate runDay,
        boolean sampled,
        SamplingReason reason,
        int runsSince,
        Integer daysSince,
        UUID restsOnRunId,
        String restsOnLabel,
        BasisCulture basisCulture,
        String profileCode,
        Instant decidedAt) {

    public boolean restsOnOther() {
        return restsOnRunId != null;
    }
}
