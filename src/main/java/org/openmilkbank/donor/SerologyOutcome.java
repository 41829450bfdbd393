package org.openmilkbank.donor;

public enum SerologyOutcome {
    NEGATIVE,
    POSITIVE,
    INDETERMINATE
}
