package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.List;

/** Whether a donor's milk expressed on {@code asOf} may be accepted, and every reason when it may not. */
public record Eligibility(boolean eligible, LocalDate asOf, List<EligibilityReason> reasons) {

    public Eligibility {
        reasons = List.copyOf(reasons);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("An eligibility has reasons exactly when it is refused");
        }
    }
}
