package org.openmilkbank.traceability;

/** The step that asks the gate whether a unit may be used for it now. */
public enum GateUse {
    RECEIVE,
    POOL,
    PASTEURISE,
    RELEASE,
    DISPATCH,
    /** Sent to another bank of the network in a transfer. */
    TRANSFER,
    DISPENSE,
    FEED;

    /** Steps that hand milk on towards an infant: an expired unit may not take them. */
    boolean needsInDate() {
        return this == RELEASE || this == DISPATCH || this == TRANSFER || this == DISPENSE || this == FEED;
    }
}
