package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A bank the hub holds short of milk: by its forecast (its fewest days of supply through the horizon below the
 * network's threshold) or because it declared it.
 *
 * @param daysOfSupplyNow at the end of its last month shared, {@code null} when unknown
 * @param lowestDays the fewest days of supply from now through the horizon, {@code null} when unknown
 * @param declaredReason the bank's own words when it declared the shortage, else {@code null}
 */
public record Shortage(
        String facilityCode,
        String country,
        String region,
        BigDecimal daysOfSupplyNow,
        BigDecimal lowestDays,
        boolean declared,
        String declaredReason,
        Instant since) {}
