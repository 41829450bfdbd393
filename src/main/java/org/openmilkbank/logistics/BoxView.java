package org.openmilkbank.logistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One shipment in a box, from departure to arrival; {@code verdict} is set once it arrived. */
public record BoxView(
        UUID id,
        String code,
        UUID runId,
        UUID originPointId,
        TransportMode mode,
        BoxState state,
        Instant departedAt,
        BigDecimal departureTempC,
        Instant arrivedAt,
        BigDecimal arrivalTempC,
        IndicatorState indicator,
        Boolean sealIntact,
        ColdChainVerdict verdict,
        String profileCode) {

    /** Minutes from departure to arrival, or to {@code now} while in transit; null before departure. */
    public Long minutesUnderway(Instant now) {
        if (departedAt == null) {
            return null;
        }
        return Duration.between(departedAt, arrivedAt != null ? arrivedAt : now).toMinutes();
    }
}
