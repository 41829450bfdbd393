package org.openmilkbank.standards;

/** The date from which pasteurised milk's shelf life is counted. */
public enum ExpiryFrom {
    /** From the earliest expression date of the milk in the pool (NICE, HMBANA). */
    EXPRESSION,
    /** From the day of pasteurisation (Brazil). */
    PASTEURISATION
}
