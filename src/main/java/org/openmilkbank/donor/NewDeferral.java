package org.openmilkbank.donor;

import java.time.LocalDate;

/**
 * A deferral as the coordinator records it. Null {@code permanent}, {@code until} or {@code retestRequired}
 * take the active profile's rule for the category.
 */
public record NewDeferral(
        DeferralCategory category,
        Boolean permanent,
        LocalDate startsOn,
        LocalDate until,
        Boolean retestRequired,
        String reason) {}
