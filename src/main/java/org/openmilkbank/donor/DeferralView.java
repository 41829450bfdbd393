package org.openmilkbank.donor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deferral: permanent, or temporary until a date ({@code until} null: until lifted), maybe with a re-test. */
public record DeferralView(
        UUID id,
        UUID donorId,
        DeferralCategory category,
        boolean permanent,
        LocalDate startsOn,
        LocalDate until,
        boolean retestRequired,
        String reason,
        Instant recordedAt,
        String recordedBy,
        Instant liftedAt,
        String liftedBy,
        String liftReason,
        boolean voided) {

    public boolean lifted() {
        return liftedAt != null;
    }

    /** Whether it still counts (not lifted, not voided). */
    public boolean standing() {
        return !voided && liftedAt == null;
    }

    /** Whether milk expressed on that day falls under this deferral. */
    public boolean covers(LocalDate date) {
        if (!standing() || date.isBefore(startsOn)) {
            return false;
        }
        return permanent || until == null || !date.isAfter(until) || retestRequired;
    }
}
