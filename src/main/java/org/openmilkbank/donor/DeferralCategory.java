package org.openmilkbank.donor;

/** Why a donor is deferred; what each category means (permanent, days, re-test) is the profile's deferral rule. */
public enum DeferralCategory {
    MEDICATION,
    ALCOHOL,
    NICOTINE,
    DRUGS,
    TRANSFUSION,
    TRANSPLANT,
    TATTOO_PIERCING,
    ILLNESS,
    INFANT_AGE,
    OTHER
}
