package org.openmilkbank.collection;

/** Why a container was refused at reception; the bank counts rejects by these reasons. */
public enum RejectReason {
    THAWED,
    BROKEN_SEAL,
    UNLABELLED,
    TOO_OLD,
    DONOR_NOT_ELIGIBLE,
    COLD_CHAIN_BROKEN,
    /** Expressed within a window of the donor's milk that may never be used (a late positive result, a deferral). */
    DONOR_BLOCKED;

    public String messageKey() {
        return "collection.reject." + name();
    }
}
