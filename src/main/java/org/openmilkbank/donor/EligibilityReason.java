package org.openmilkbank.donor;

import java.util.List;

/** Why a donor is not eligible: a message key of the donor bundle and its arguments, translated where shown. */
public record EligibilityReason(String code, List<Object> args) {

    public static final String MISSING = "donor.eligibility.missing";
    public static final String POSITIVE = "donor.eligibility.positive";
    public static final String INDETERMINATE = "donor.eligibility.indeterminate";
    public static final String TOO_OLD = "donor.eligibility.tooOld";
    public static final String EXPIRED = "donor.eligibility.expired";
    public static final String NOT_SCREENED = "donor.eligibility.notScreened";
    public static final String SCREENING_PENDING = "donor.eligibility.screeningPending";
    public static final String ADDENDUM_DUE = "donor.eligibility.addendumDue";
    public static final String DEFERRED_PERMANENTLY = "donor.eligibility.deferredPermanently";
    public static final String DEFERRED_UNTIL = "donor.eligibility.deferredUntil";
    public static final String DEFERRED_UNTIL_LIFTED = "donor.eligibility.deferredUntilLifted";
    public static final String AWAITING_RETEST = "donor.eligibility.awaitingRetest";
    public static final String INFANT_TOO_OLD = "donor.eligibility.infantTooOld";
    public static final String RETIRED = "donor.eligibility.retired";

    public EligibilityReason {
        args = List.copyOf(args);
    }

    public static EligibilityReason of(String code, Object... args) {
        return new EligibilityReason(code, List.of(args));
    }
}
