package org.openmilkbank.donor;

import java.util.List;

/** Why a donor is not eligible: a message key of the donor bundle and its arguments, translated where shown. */
public record EligibilityReason(String code, List<Object> args) {

    /** No result of the test at all. */
    public static final String MISSING = "donor.eligibility.missing";
    /** Her only results of the test were sampled after the day: (test, first sample date, day). */
    public static final String SAMPLED_AFTER = "donor.eligibility.sampledAfter";
    /** Her only result of the test up to the day was voided: (test, its sample date). */
    public static final String VOIDED_ONLY = "donor.eligibility.voidedOnly";

    public static final String POSITIVE = "donor.eligibility.positive";
    public static final String INDETERMINATE = "donor.eligibility.indeterminate";
    public static final String TOO_OLD = "donor.eligibility.tooOld";
    public static final String EXPIRED = "donor.eligibility.expired";
    public static final String NOT_SCREENED = "donor.eligibility.notScreened";
    /** The interview was recorded and nobody has approved it yet: (interview date). */
    public static final String SCREENING_PENDING = "donor.eligibility.screeningPending";
    /** The interview was approved once and waits for a second person's signature: (interview date, first approver). */
    public static final String SCREENING_SECOND_SIGNATURE = "donor.eligibility.screeningSecondSignature";
    /** Her only interview took place after the day, so it does not cover it: (interview date, day). */
    public static final String SCREENED_AFTER = "donor.eligibility.screenedAfter";

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
