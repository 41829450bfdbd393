package org.openmilkbank.reporting.dhis2;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one number of the bank goes in DHIS2: an indicator's breakdown ({@code null}: its total) to a data element
 * and a category option combo ({@code null}: DHIS2's default).
 *
 * @param adxDisaggregation the ADX attributes of the value ({@code CATEGORY=OPTION;…}, DHIS2's codes), or
 *     {@code null}
 */
public record Dhis2Mapping(
        UUID id,
        String indicatorCode,
        String breakdown,
        String dataElement,
        String categoryOptionCombo,
        String adxDisaggregation,
        String createdBy,
        Instant createdAt,
        String voidedBy,
        Instant voidedAt,
        String voidReason,
        long version) {

    public boolean inForce() {
        return voidedAt == null;
    }
}
