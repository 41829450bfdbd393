package org.openmilkbank.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a unit of milk is now ({@code current} null: in no place) and every stay it had, latest first. */
public record WhereIs(UUID unitId, String label, String kind, String current, List<Stay> stays) {

    /**
     * One stay: {@code to} null while it lasts; {@code ended} why it ended (MOVED, BOX_MOVED, DISPENSED …). The unit's
     * temperature history while it was there: the readings of its storage unit during the stay (their number, the
     * coldest and the warmest value read, minimum and maximum included) and the excursions of that unit that overlap
     * the stay.
     */
    public record Stay(
            String place,
            Instant from,
            String by,
            Instant to,
            String endedBy,
            String ended,
            int readings,
            java.math.BigDecimal coldestC,
            java.math.BigDecimal warmestC,
            int excursions) {}
}
