package org.openmilkbank.network;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A shortage alert of the network as the bank's hub sent it.
 *
 * @param shortOfMilk whether the bank is short now ({@code false} once the hub said it recovered)
 * @param declared whether the bank declared the shortage itself
 */
public record NetworkAlert(
        String facilityCode,
        String country,
        String region,
        boolean shortOfMilk,
        boolean declared,
        BigDecimal daysOfSupplyNow,
        BigDecimal lowestDays,
        Instant since,
        Instant endedAt) {}
