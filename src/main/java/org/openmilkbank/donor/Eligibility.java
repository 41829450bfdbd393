package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a donor's milk expressed on {@code asOf} may be accepted, her status that day, and every reason when
 * it may not. {@code deferredUntil} is the end of a temporary deferral (null when open-ended or not deferred).
 */
public record Eligibility(
        boolean eligible,
        LocalDate asOf,
        List<EligibilityReason> reasons,
        DonorStatus status,
        LocalDate deferredUntil) {

    public Eligibility {
        reasons = List.copyOf(reasons);
        if (eligible != reasons.isEmpty()) {
            throw new IllegalArgumentException("An eligibility has reasons exactly when it is refused");
        }
        if (eligible != (status == DonorStatus.ELIGIBLE)) {
            throw new IllegalArgumentException("Only the ELIGIBLE status is eligible");
        }
    }

    /** Serology alone: refused means results still to come. */
    public Eligibility(boolean eligible, LocalDate asOf, List<EligibilityReason> reasons) {
        this(eligible, asOf, reasons, eligible ? DonorStatus.ELIGIBLE : DonorStatus.IN_SCREENING, null);
    }

    /** What reception does with milk she expressed that day. */
    public MilkAcceptance acceptance() {
        return status.acceptance();
    }
}
