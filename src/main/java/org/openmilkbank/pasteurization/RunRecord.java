package org.openmilkbank.pasteurization;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.openmilkbank.shared.TextLimits;

/**
 * What a lab technician records after a pasteuriser cycle. {@code bottles}: the bottle lines (mL × count); an older
 * caller's single {@code bottleCount} × {@code bottleVolumeMl} is one line. {@code method}: HOLDER when not given;
 * an HTST run's hold is {@code holdSeconds}. {@code sampledMl}: milk taken from the pool as samples, if any.
 */
public record RunRecord(
        UUID poolId,
        @Size(max = TextLimits.CODE) String device,
        Instant startedAt,
        Instant endedAt,
        BigDecimal holdTemperatureC,
        int holdMinutes,
        Integer bottleCount,
        Integer bottleVolumeMl,
        @Size(max = 20) List<BottleLine> bottles,
        PasteurisationMethod method,
        Integer holdSeconds,
        Integer sampledMl) {

    /** A Holder run of one bottle size, as recorded before runs took several. */
    public RunRecord(
            UUID poolId,
            String device,
            Instant startedAt,
            Instant endedAt,
            BigDecimal holdTemperatureC,
            int holdMinutes,
            int bottleCount,
            int bottleVolumeMl) {
        this(
                poolId,
                device,
                startedAt,
                endedAt,
                holdTemperatureC,
                holdMinutes,
                bottleCount,
                bottleVolumeMl,
                null,
                null,
                null,
                null);
    }

    /** The bottle lines: the list when given, else the single count × volume as one line. */
    public List<BottleLine> lines() {
        if (bottles != null && !bottles.isEmpty()) {
            return bottles;
        }
        if (bottleCount == null && bottleVolumeMl == null) {
            return List.of();
        }
        return List.of(
                new BottleLine(bottleVolumeMl == null ? 0 : bottleVolumeMl, bottleCount == null ? 0 : bottleCount));
    }

    public PasteurisationMethod methodOrHolder() {
        return method == null ? PasteurisationMethod.HOLDER : method;
    }
}
