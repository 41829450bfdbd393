package org.openmilkbank.transfer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.openmilkbank.traceability.ExpiryMoment;

/**
 * Whether a bottle of a transfer may enter the destination's stock as it arrives: not when its source recalled it on
 * the way, not frozen milk warmer than frozen milk may travel ({@code transport.frozen-max-c}), not once expired.
 * Answers the code of the first reason that discards it (its words: {@code lineage.reason.<code>}), empty: accepted.
 */
record ArrivalRule(BigDecimal frozenMaxC) {

    static final String RECALLED = "transfer.recalled";
    static final String TOO_WARM = "transfer.tooWarm";
    static final String EXPIRED = "transfer.expired";

    Optional<String> discard(
            ManifestEntry bottle, boolean recalled, BigDecimal arrivalTemperatureC, Instant at, ZoneId zone) {
        if (recalled) {
            return Optional.of(RECALLED);
        }
        if (bottle.frozen() && arrivalTemperatureC.compareTo(frozenMaxC) > 0) {
            return Optional.of(TOO_WARM);
        }
        if (ExpiryMoment.passed(bottle.expiresOn(), bottle.expiresAt(), at, zone)) {
            return Optional.of(EXPIRED);
        }
        return Optional.empty();
    }
}
