package org.openmilkbank.dispensing.orders;

/** Why the ward sends an unused bottle back to the bank. */
public enum ReturnReason {
    NOT_NEEDED,
    DISCHARGED,
    ORDER_CHANGED,
    TRANSFERRED,
    /** Said in the return's note. */
    OTHER
}
