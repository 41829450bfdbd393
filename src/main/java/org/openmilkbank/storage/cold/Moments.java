package org.openmilkbank.storage.cold;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/** A moment typed on a form (the bank's local time) as an instant. */
final class Moments {

    private Moments() {}

    static Instant of(LocalDateTime typed, Clock clock) {
        return typed.atZone(clock.getZone()).toInstant();
    }
}
