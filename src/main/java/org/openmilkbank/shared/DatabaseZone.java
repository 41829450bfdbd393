package org.openmilkbank.shared;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The bank's time zone as PostgreSQL reads it in {@code at time zone :zone}. A region (Asia/Vientiane) is passed as it
 * is. A fixed offset is not: Java names seven hours east "+07:00" or "GMT+07:00", and PostgreSQL reads such a name the
 * POSIX way, seven hours <em>west</em>, so a month or a day counted in the database would fall fourteen hours away
 * from the one the bank's clock names. An offset is therefore written as a POSIX zone whose sign says the same thing.
 */
public final class DatabaseZone {

    private DatabaseZone() {}

    public static String of(ZoneId zone) {
        if (!(zone.normalized() instanceof ZoneOffset offset)) {
            return zone.getId();
        }
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        // POSIX counts hours west of Greenwich: seven hours east is "UTC-07:00"
        int west = -seconds;
        int abs = Math.abs(west);
        return String.format("UTC%s%02d:%02d:%02d", west < 0 ? "-" : "+", abs / 3600, (abs % 3600) / 60, abs % 60);
    }
}
