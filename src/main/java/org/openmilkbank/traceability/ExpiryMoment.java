package org.openmilkbank.traceability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When milk stops being usable: a frozen unit is usable through its expiry day (in the bank's time zone); a thawed or
 * warmed one until its clock's moment, never past the end of that day. The gate, the sweep and the work list agree.
 */
public final class ExpiryMoment {

    private ExpiryMoment() {}

    /** The first moment the milk is no longer usable. */
    public static Instant end(LocalDate expiresOn, Instant expiresAt, ZoneId zone) {
        Instant endOfDay = expiresOn.plusDays(1).atStartOfDay(zone).toInstant();
        return expiresAt != null && expiresAt.isBefore(endOfDay) ? expiresAt : endOfDay;
    }

    public static boolean passed(LocalDate expiresOn, Instant expiresAt, Instant at, ZoneId zone) {
        return !at.isBefore(end(expiresOn, expiresAt, zone));
    }

    /** A moment's time of day in the bank's zone, 24-hour ({@code HH:mm}), as every language writes it. */
    public static String time(Instant at, ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(zone));
    }
}
