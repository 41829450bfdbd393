package org.openmilkbank.donor;

/** Where a donor stands on a given day, computed from screening, serology and deferrals. */
public enum DonorStatus {
    /** Registered, not interviewed and no result yet. */
    APPLICANT,
    /** Screening or serology under way, not approved, or an emergency addendum not answered yet. */
    IN_SCREENING,
    ELIGIBLE,
    TEMPORARILY_DEFERRED,
    /** A permanent deferral, a positive result, or her infant older than the profile's limit. */
    PERMANENTLY_DEFERRED,
    RETIRED;

    /** What reception does with milk expressed on a day she had this status. */
    public MilkAcceptance acceptance() {
        return switch (this) {
            case ELIGIBLE -> MilkAcceptance.ACCEPT;
            case APPLICANT, IN_SCREENING, TEMPORARILY_DEFERRED -> MilkAcceptance.HOLD;
            case PERMANENTLY_DEFERRED, RETIRED -> MilkAcceptance.REJECT;
        };
    }
}
