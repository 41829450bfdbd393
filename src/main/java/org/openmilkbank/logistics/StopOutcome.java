package org.openmilkbank.logistics;

public enum StopOutcome {
    PENDING,
    COLLECTED,
    MISSED
}
