package org.openmilkbank.logistics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openmilkbank.standards.StandardProfile;

/**
 * The active profile's cold-chain rules applied to one box on arrival: frozen milk no warmer than the limit at
 * departure and arrival, liquid milk only where allowed and within its range, the journey no longer than allowed,
 * the indicator not triggered and the seal intact. Every failed rule is listed.
 */
final class ColdChainPolicy {

    /** The measurements of one journey. */
    record Journey(
            TransportMode mode,
            Instant departedAt,
            BigDecimal departureTempC,
            Instant arrivedAt,
            BigDecimal arrivalTempC,
            IndicatorState indicator,
            boolean sealIntact) {}

    private final StandardProfile profile;

    ColdChainPolicy(StandardProfile profile) {
        this.profile = profile;
    }

    ColdChainVerdict assess(Journey j) {
        List<ColdChainReason> reasons = new ArrayList<>();
        long minutes = Duration.between(j.departedAt(), j.arrivedAt()).toMinutes();
        int maxHours;
        if (j.mode() == TransportMode.LIQUID) {
            if (!profile.transportLiquidAllowed()) {
                reasons.add(ColdChainReason.of(ColdChainReason.LIQUID_NOT_ALLOWED, profile.name()));
                maxHours = profile.transportMaxHours();
            } else {
                BigDecimal min = profile.transportLiquidMinC();
                BigDecimal max = profile.transportLiquidMaxC();
                if (outside(j.departureTempC(), min, max)) {
                    reasons.add(ColdChainReason.of(
                            ColdChainReason.DEPARTURE_OUT_OF_RANGE, text(j.departureTempC()), text(min), text(max)));
                }
                if (outside(j.arrivalTempC(), min, max)) {
                    reasons.add(ColdChainReason.of(
                            ColdChainReason.ARRIVAL_OUT_OF_RANGE, text(j.arrivalTempC()), text(min), text(max)));
                }
                maxHours = profile.transportLiquidMaxHours();
            }
        } else {
            BigDecimal max = profile.transportFrozenMaxC();
            if (j.departureTempC().compareTo(max) > 0) {
                reasons.add(
                        ColdChainReason.of(ColdChainReason.DEPARTURE_TOO_WARM, text(j.departureTempC()), text(max)));
            }
            if (j.arrivalTempC().compareTo(max) > 0) {
                reasons.add(ColdChainReason.of(ColdChainReason.ARRIVAL_TOO_WARM, text(j.arrivalTempC()), text(max)));
            }
            maxHours = profile.transportMaxHours();
        }
        if (minutes > maxHours * 60L) {
            reasons.add(ColdChainReason.of(
                    ColdChainReason.TRANSIT_TOO_LONG,
                    String.valueOf(minutes / 60),
                    String.valueOf(minutes % 60),
                    String.valueOf(maxHours)));
        }
        if (j.indicator() == IndicatorState.TRIGGERED) {
            reasons.add(ColdChainReason.of(ColdChainReason.INDICATOR_TRIGGERED));
        }
        if (!j.sealIntact()) {
            reasons.add(ColdChainReason.of(ColdChainReason.SEAL_BROKEN));
        }
        return ColdChainVerdict.of(reasons);
    }

    private static boolean outside(BigDecimal value, BigDecimal min, BigDecimal max) {
        return value.compareTo(min) < 0 || value.compareTo(max) > 0;
    }

    /** Arguments are kept as text so that a stored verdict reads back exactly as it was shown. */
    private static String text(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
