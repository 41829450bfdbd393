package org.openmilkbank.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.openmilkbank.standards.StandardProfile;
import org.openmilkbank.traceability.ExpiryMoment;

/**
 * A bottle's clocks once it leaves the freezer: thawed in a fridge or at room temperature, then warmed, each from the
 * profile. A clock only ever shortens the bottle's life: the new expiry is the earlier of the one it had and the clock.
 */
final class ExpiryClock {

    private ExpiryClock() {}

    static Duration thawLife(ThawMethod method, StandardProfile profile) {
        return Duration.ofHours(
                method == ThawMethod.FRIDGE ? profile.thawedLifeHours() : profile.thawedRoomLifeHours());
    }

    static Duration warmedLife(StandardProfile profile) {
        return Duration.ofHours(profile.warmedLifeHours());
    }

    /** The moment a bottle thawed at {@code thawedAt} stops being usable. */
    static Instant thawed(
            LocalDate expiresOn,
            Instant expiresAt,
            Instant thawedAt,
            ThawMethod method,
            StandardProfile profile,
            ZoneId zone) {
        return earlier(ExpiryMoment.end(expiresOn, expiresAt, zone), thawedAt.plus(thawLife(method, profile)));
    }

    /** The moment a thawed bottle warmed at {@code warmedAt} stops being usable. */
    static Instant warmed(
            LocalDate expiresOn, Instant expiresAt, Instant warmedAt, StandardProfile profile, ZoneId zone) {
        return earlier(ExpiryMoment.end(expiresOn, expiresAt, zone), warmedAt.plus(warmedLife(profile)));
    }

    /** The last day the bottle may be used on, for lists by day: the day of its last usable moment. */
    static LocalDate lastDay(Instant end, ZoneId zone) {
        return LocalDate.ofInstant(end.minusNanos(1), zone);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
