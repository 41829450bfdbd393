package org.openmilkbank.donor;

import java.util.List;

/** Why a donor is not eligible: a message key of the donor bundle and its arguments, translated where shown. */
public record EligibilityReason(String code, List<Object> args) {

    public static final String MISSING = "donor.eligibility.missing";
    public static final String POSITIVE = "donor.eligibility.positive";
    public static final String INDETERMINATE = "donor.eligibility.indeterminate";
    public static final String TOO_OLD = "donor.eligibility.tooOld";

    public EligibilityReason {
        args = List.copyOf(args);
    }

    public static EligibilityReason of(String code, Object... args) {
        return new EligibilityReason(code, List.of(args));
    }
}
