package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record RunView(
        UUID id,
        UUID poolId,
        String method,
        String device,
        Instant startedAt,
        Instant endedAt,
        BigDecimal holdTemperatureC,
        int holdMinutes,
        String outcome,
        String failureReason,
        RunState state,
        Integer bottleCount,
        Integer bottleVolumeMl,
        String recordedBy,
        Instant recordedAt,
        Long postCultureCfu,
        String postCultureOrganism,
        String postCultureOutcome,
        String postCultureRecordedBy,
        Instant postCultureRecordedAt,
        String releasedBy,
        Instant releasedAt,
        String discardReason,
        Instant postCultureSampledAt) {

    public boolean passed() {
        return "PASSED".equals(outcome);
    }
}
