package org.openmilkbank.donor;

import java.time.LocalDate;
import java.util.List;

/** Reception's answer for milk expressed on {@code expressedOn}, with the reasons when it is not ACCEPT. */
public record AcceptanceDecision(MilkAcceptance decision, LocalDate expressedOn, List<EligibilityReason> reasons) {

    public AcceptanceDecision {
        reasons = List.copyOf(reasons);
    }
}
