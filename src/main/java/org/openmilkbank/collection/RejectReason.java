package org.openmilkbank.collection;

/** Why a container was refused at reception; the bank counts rejects by these reasons. */
public enum RejectReason {
    THAWED,
    BROKEN_SEAL,
    UNLABELLED,
    TOO_OLD,
    DONOR_NOT_ELIGIBLE,
    COLD_CHAIN_BROKEN;

    public String messageKey() {
        return "collection.reject." + name();
    }
}
