package org.openmilkbank.dispensing.orders;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether an unused bottle the ward returns may go back into stock: only when the profile takes returns back, it is
 * back within {@code returns.max-hours-out} of its dispatch, was never thawed, is in date and arrived as cold as
 * frozen milk must travel ({@code transport.frozen-max-c}). Otherwise it is discarded, for every reason that applies.
 */
record ReturnRule(int maxHoursOut, BigDecimal frozenMaxC) {

    /** What the bank knows of one returned bottle. */
    record Returned(
            Instant dispatchedAt,
            Instant returnedAt,
            boolean thawed,
            LocalDate expiresOn,
            LocalDate today,
            BigDecimal arrivalTemperatureC) {}

    /** The reasons that keep the bottle out of stock; empty: it goes back into stock. */
    List<ReturnRefusal> refusals(Returned r) {
        List<ReturnRefusal> refusals = new ArrayList<>();
        if (maxHoursOut <= 0) {
            refusals.add(ReturnRefusal.RETURNS_NOT_ACCEPTED);
        } else if (Duration.between(r.dispatchedAt(), r.returnedAt()).compareTo(Duration.ofHours(maxHoursOut)) > 0) {
            refusals.add(ReturnRefusal.AWAY_TOO_LONG);
        }
        if (r.thawed()) {
            refusals.add(ReturnRefusal.THAWED);
        }
        if (r.expiresOn().isBefore(r.today())) {
            refusals.add(ReturnRefusal.EXPIRED);
        }
        if (r.arrivalTemperatureC().compareTo(frozenMaxC) > 0) {
            refusals.add(ReturnRefusal.NOT_FROZEN_ON_ARRIVAL);
        }
        return List.copyOf(refusals);
    }
}
