package org.openmilkbank.pasteurization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What a lab technician records after a pasteuriser cycle. */
public record RunRecord(
        UUID poolId,
        String device,
        Instant startedAt,
        Instant endedAt,
        BigDecimal holdTemperatureC,
        int holdMinutes,
        int bottleCount,
        int bottleVolumeMl) {}
