package org.openmilkbank.donor;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.openmilkbank.shared.TextLimits;

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
        @Size(max = TextLimits.REASON) String reason) {}
