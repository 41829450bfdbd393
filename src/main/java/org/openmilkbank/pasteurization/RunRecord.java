package org.openmilkbank.pasteurization;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.openmilkbank.shared.TextLimits;

/** What a lab technician records after a pasteuriser cycle. */
public record RunRecord(
        UUID poolId,
        @Size(max = TextLimits.CODE) String device,
        Instant startedAt,
        Instant endedAt,
        BigDecimal holdTemperatureC,
        int holdMinutes,
        int bottleCount,
        int bottleVolumeMl) {}
